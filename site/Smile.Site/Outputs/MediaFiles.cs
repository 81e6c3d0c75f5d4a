using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Smile.Site.Sources;

namespace Smile.Site.Outputs;

/// <summary>
/// Copies the media a build's pages use into <c>media/</c> of the output. Media ids are content hashes, so a
/// file already there is the right one: each is fetched once, ever, and incremental builds fetch only new ones.
/// </summary>
public static partial class MediaFiles
{
    public static bool IsMediaPath(string url) => MediaPath().IsMatch(url);

    /// <summary>The paths copied now, and warnings for those the source could not deliver.</summary>
    public static async Task<(IReadOnlyList<string> Copied, IReadOnlyList<string> Warnings)> CopyAsync(IMediaSource source, IEnumerable<string> paths, string outputFolder, CancellationToken cancellationToken)
    {
        var copied = new ConcurrentBag<string>();
        var warnings = new ConcurrentBag<string>();
        var missing = paths.Select(p => p.Split('#', '?')[0]).Where(IsMediaPath).Distinct(StringComparer.Ordinal)
            .Where(p => !File.Exists(Path.Combine(outputFolder, p.TrimStart('/')))).ToList();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (path, ct) =>
        {
            var target = Path.Combine(outputFolder, path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temporary = target + ".part-" + Guid.NewGuid().ToString("N");
            try
            {
                bool found;
                await using (var file = File.Create(temporary))
                {
                    found = await source.CopyMediaAsync(path, file, ct);
                }

                if (found)
                {
                    File.Move(temporary, target, overwrite: true);
                    copied.Add(path.TrimStart('/'));
                }
                else
                {
                    warnings.Add($"The media file {path} a page uses is not public in the CMS; the page shows a broken image.");
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or ContentSourceException)
            {
                warnings.Add($"The media file {path} could not be copied: {e.Message}");
            }
            finally
            {
                File.Delete(temporary);
            }
        });
        return ([.. copied.Order(StringComparer.Ordinal)], [.. warnings.Order(StringComparer.Ordinal)]);
    }

    [GeneratedRegex(@"^/media/[0-9a-f]{64}/(original(\.[a-z0-9]{2,4})?|\d{1,4}(x\d{1,4})?\.(webp|jpe?g|avif))$")]
    private static partial Regex MediaPath();
}
