using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Smile.Site.Sources;

/// <summary>
/// Answers of the API kept as files: <see cref="Recording"/> writes them while a build reads a live API,
/// <see cref="Replaying"/> serves them back, so a site can be built offline (and benchmarked fairly
/// against generators that read local files).
/// </summary>
public static class SnapshotContentSource
{
    public static IContentSource Recording(IContentSource inner, string folder)
    {
        Directory.CreateDirectory(folder);
        return new Recorder(inner, folder);
    }

    public static IContentSource Replaying(string folder) =>
        Directory.Exists(folder) ? new Replayer(folder) : throw new ContentSourceException($"The snapshot folder '{folder}' does not exist.");

    private static string FileOf(string folder, ContentRequest request)
    {
        var key = request.OperationName + "\n" + request.Document + "\n" + JsonSerializer.Serialize(request.Variables);
        return Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + ".json");
    }

    private sealed class Recorder(IContentSource inner, string folder) : IContentSource, IMediaSource
    {
        public Task<bool> CopyMediaAsync(string path, Stream destination, CancellationToken cancellationToken) =>
            inner is IMediaSource media ? media.CopyMediaAsync(path, destination, cancellationToken) : Task.FromResult(false);

        public async Task<JsonElement> ExecuteAsync(ContentRequest request, CancellationToken cancellationToken)
        {
            var data = await inner.ExecuteAsync(request, cancellationToken);
            await File.WriteAllTextAsync(FileOf(folder, request), data.GetRawText(), cancellationToken);
            return data;
        }
    }

    private sealed class Replayer(string folder) : IContentSource
    {
        public async Task<JsonElement> ExecuteAsync(ContentRequest request, CancellationToken cancellationToken)
        {
            var file = FileOf(folder, request);
            if (!File.Exists(file))
            {
                throw new ContentSourceException($"The snapshot in '{folder}' has no answer for {request.OperationName} with these variables.");
            }

            await using var stream = File.OpenRead(file);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
    }
}
