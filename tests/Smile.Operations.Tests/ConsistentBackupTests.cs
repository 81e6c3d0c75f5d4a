using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Operations.Backup;

namespace Smile.Operations.Tests;

/// <summary>A backup taken while editors publish is one moment of the database, not a mix of several.</summary>
public sealed class ConsistentBackupTests(TestDatabases databases)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_backup_taken_while_publishes_run_holds_every_versions_item_and_the_outbox_position_of_its_events(string provider)
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, provider);
        var archive = Installations.ArchivePath();
        try
        {
            using var cms = installation.Start();
            var content = cms.Services.GetRequiredService<ContentService>();
            using var stop = new CancellationTokenSource();
            var published = 0;
            var publishing = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var id = $"news-takt-{published}";
                    await content.RunAsync(Actor.System, async e =>
                    {
                        await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = $"Takt {published}", Fields = new JsonObject { ["teaser"] = "Veröffentlicht während der Sicherung." } }, id: id);
                        await e.PublishAsync(id);
                    });
                    Interlocked.Increment(ref published);
                }
            });
            while (Volatile.Read(ref published) < 3)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            var before = Volatile.Read(ref published);
            var publishedInsideSnapshot = false;
            // After the first table the snapshot is open: two more publishes must commit before the backup goes on
            // (a backup that blocked writers would never see them, and the wait would give up).
            var manifest = await cms.Services.GetRequiredService<BackupService>().WriteAsync(archive, _ =>
            {
                if (!publishedInsideSnapshot)
                {
                    var target = Volatile.Read(ref published) + 2;
                    publishedInsideSnapshot = SpinWait.SpinUntil(() => Volatile.Read(ref published) >= target || publishing.IsCompleted, TimeSpan.FromMinutes(1))
                        && !publishing.IsCompleted;
                }
            }, TestContext.Current.CancellationToken);
            var during = Volatile.Read(ref published) - before;
            await stop.CancelAsync();
            await publishing;

            Assert.True(publishedInsideSnapshot, "editors could not publish while the backup held its snapshot");
            var items = ArchiveFiles.Rows(archive, "content_items").ToDictionary(r => r["id"].GetString()!);
            var versions = ArchiveFiles.Rows(archive, "content_versions");
            var events = ArchiveFiles.Rows(archive, "content_events");
            var outbox = ArchiveFiles.Rows(archive, "counters").Single(r => r["name"].GetString() == "outbox")["value"].GetInt64();
            Assert.All(versions, v => Assert.True(items.ContainsKey(v["item_id"].GetString()!), $"version of {v["item_id"]} without its item"));
            Assert.All(items.Values, i => Assert.Contains(versions, v => v["item_id"].GetString() == i["id"].GetString() && v["number"].GetInt32() == i["latest_version"].GetInt32()));
            Assert.All(items.Values.Where(i => i["published_version"].ValueKind != JsonValueKind.Null), i =>
                Assert.Contains(versions, v => v["item_id"].GetString() == i["id"].GetString() && v["number"].GetInt32() == i["published_version"].GetInt32() && v["published"].GetBoolean()));
            Assert.Equal(outbox, events.Max(e => e["sequence"].GetInt64()));
            Assert.Equal(outbox, manifest.Counts.OutboxPosition);
            var takte = items.Keys.Count(id => id.StartsWith("news-takt-", StringComparison.Ordinal));
            Assert.InRange(takte, before, before + during);
            Assert.Equal(items.Count, manifest.Counts.Items);

            // And it restores: every foreign key holds in a fresh database.
            await using var target = await CmsInstallation.CreateAsync(databases, provider);
            var restore = await OperatorCli.RestoreAsync(target.Settings, archive);
            Assert.True(restore.ExitCode == 0, restore.Error + restore.Output);
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
