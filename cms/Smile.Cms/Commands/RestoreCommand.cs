using System.Diagnostics;
using Microsoft.Extensions.Options;
using Smile.Cms.Configuration;
using Smile.Cms.Publishing;
using Smile.Cms.Site;
using Smile.Operations;
using Smile.Operations.Restore;
using Smile.Site;
using Smile.Storage.Leases;

namespace Smile.Cms.Commands;

/// <summary>
/// <c>dotnet run --project cms/Smile.Cms -- restore --in smile-backup.zip [--force]</c>, with the CMS stopped:
/// the archive checked, then its database and media originals restored. The search indexes and the built site
/// of this data folder are removed; the CMS rebuilds them on its next start.
/// </summary>
public static class RestoreCommand
{
    public const string Name = "restore";

    public static Task<int> RunAsync(WebApplication app, string[] args) => RunAsync(app, args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        var force = args.Contains("--force");
        if (args.Where(a => a != "--force").ToArray() is not ["--in", var path] || string.IsNullOrWhiteSpace(path))
        {
            await error.WriteLineAsync("Usage: restore --in <file.zip> [--force]");
            return OperatorExitCodes.Usage;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            // A running CMS holds this lease all the time; restoring under it would mix two states.
            await using var running = await app.Services.GetRequiredService<ILeaseProvider>().TryAcquireAsync(ScheduledPublishingService.LeaseName);
            if (running is null)
            {
                await error.WriteLineAsync("Restore refused: the CMS is running on this database. Stop every node first; nothing was changed.");
                return OperatorExitCodes.NotReady;
            }

            var result = await app.Services.GetRequiredService<RestoreService>().RestoreAsync(path, force, output.WriteLine);
            var discarded = DiscardRebuiltState(app);
            await output.WriteLineAsync(
                $"Restored {Path.GetFullPath(path)} in {watch.Elapsed.TotalSeconds:N1} s: {result.Rows:N0} rows ({result.Manifest.Counts.Items:N0} items, " +
                $"{result.Manifest.Counts.Versions:N0} versions, {result.Manifest.Counts.Users:N0} users), {result.MediaOriginals:N0} media originals, " +
                $"outbox position {result.Manifest.Counts.OutboxPosition:N0}.");
            await output.WriteLineAsync($"Removed to be rebuilt on the next start: {(discarded.Count == 0 ? "nothing" : string.Join(", ", discarded))}. " +
                "Other nodes with their own data folders: delete their search folder (or run 'search rebuild') before they start.");
            return OperatorExitCodes.Done;
        }
        catch (OperationRefusedException refused)
        {
            await error.WriteLineAsync($"Restore refused: {refused.Message} Nothing was changed.");
            return OperatorExitCodes.For(refused.Reason);
        }
        catch (RestoreFailedException failed)
        {
            await error.WriteLineAsync($"Restore failed: {failed.Message}");
            return OperatorExitCodes.Failed;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Before the rows are written: the database holds none of the archive's rows (at most its empty schema).
            await error.WriteLineAsync($"Restore failed before any row was written: {ex.Message} The database holds none of the archive's rows; media originals may already be in the store.");
            return OperatorExitCodes.Failed;
        }
    }

    /// <summary>Search indexes and the built site of this data folder describe the content before the restore.</summary>
    private static List<string> DiscardRebuiltState(WebApplication app)
    {
        var dataPath = Path.GetFullPath(app.Services.GetRequiredService<IOptions<SmileOptions>>().Value.DataPath, app.Environment.ContentRootPath);
        var site = SitePreviewOptions.OutputFolderUnder(dataPath, app.Environment.ContentRootPath);
        var folders = new[] { Path.Combine(dataPath, "search"), site, new SiteOptions { OutputFolder = site, ThemeFolder = "" }.State };
        var removed = new List<string>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
            removed.Add(folder);
        }

        return removed;
    }
}
