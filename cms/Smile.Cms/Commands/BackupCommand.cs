using System.Diagnostics;
using Smile.Operations;
using Smile.Operations.Backup;

namespace Smile.Cms.Commands;

/// <summary>
/// <c>dotnet run --project cms/Smile.Cms -- backup --out smile-backup.zip</c>: one archive of the database and the
/// media originals, consistent while the CMS runs. Neither migrates nor seeds: it backs up what is there.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public static Task<int> RunAsync(WebApplication app, string[] args) => RunAsync(app, args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["--out", var path] || string.IsNullOrWhiteSpace(path))
        {
            await error.WriteLineAsync("Usage: backup --out <file.zip>");
            return OperatorExitCodes.Usage;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            var manifest = await app.Services.GetRequiredService<BackupService>().WriteAsync(path, output.WriteLine);
            var length = new FileInfo(path).Length;
            await output.WriteLineAsync(
                $"Backup written to {Path.GetFullPath(path)} ({length:N0} bytes, {watch.Elapsed.TotalSeconds:N1} s): schema {manifest.SchemaVersion}, " +
                $"{manifest.Counts.Items:N0} items, {manifest.Counts.Versions:N0} versions, {manifest.Counts.Users:N0} users, " +
                $"{manifest.Media.Count:N0} media originals, outbox position {manifest.Counts.OutboxPosition:N0}.");
            if (manifest.MissingOriginals.Count > 0)
            {
                await error.WriteLineAsync($"Warning: {manifest.MissingOriginals.Count} media originals were missing from the store: {string.Join(", ", manifest.MissingOriginals)}");
            }

            return OperatorExitCodes.Done;
        }
        catch (OperationRefusedException refused)
        {
            await error.WriteLineAsync($"Backup refused: {refused.Message}");
            return OperatorExitCodes.For(refused.Reason);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"Backup failed: {ex.Message} No archive was written to {path}.");
            return OperatorExitCodes.Failed;
        }
    }
}
