using System.Text;
using System.Text.Json.Nodes;

namespace Smile.Operations.Tests;

/// <summary>
/// Archives that must not be restored, each refused with a message naming the problem before anything is touched:
/// the target here is a working installation and <c>--force</c> is given, so only the checks stand in the way.
/// </summary>
public sealed class RefusedArchiveTests(TestDatabases databases)
{
    [Fact]
    public async Task An_archive_with_one_flipped_byte_is_refused_naming_the_entry_and_the_database_is_untouched()
    {
        await RefusedAsync(
            archive =>
            {
                var medium = ArchiveFiles.Manifest(archive)["media"]!.AsArray()[0]!["entry"]!.GetValue<string>();
                ArchiveFiles.FlipByte(archive, medium);
                return medium;
            },
            expectedExitCode: 3,
            expectedMessage: entry => $"The entry {entry} is damaged");
    }

    [Fact]
    public async Task An_archive_missing_an_entry_is_refused_naming_the_entry_and_the_database_is_untouched()
    {
        await RefusedAsync(
            archive =>
            {
                ArchiveFiles.RemoveEntry(archive, "database/content_versions.jsonl");
                return "database/content_versions.jsonl";
            },
            expectedExitCode: 3,
            expectedMessage: entry => $"The entry {entry} is missing from the archive");
    }

    [Fact]
    public async Task An_archive_from_a_newer_schema_is_refused_naming_the_schema_and_the_database_is_untouched()
    {
        await RefusedAsync(
            archive =>
            {
                ArchiveFiles.EditManifest(archive, m => m["schemaVersion"] = "29991231235959_SensorsEverywhere");
                return "29991231235959_SensorsEverywhere";
            },
            expectedExitCode: 4,
            expectedMessage: schema => $"The archive has the database schema {schema}, which this Smile does not know");
    }

    [Fact]
    public async Task An_archive_from_a_newer_Smile_is_refused_naming_both_versions()
    {
        await RefusedAsync(
            archive =>
            {
                ArchiveFiles.EditManifest(archive, m => m["smileVersion"] = "99.0.0");
                return "99.0.0";
            },
            expectedExitCode: 4,
            expectedMessage: version => $"The archive was written by Smile {version}, which is newer than this Smile");
    }

    [Fact]
    public async Task A_restore_that_fails_while_writing_rolls_back_and_leaves_the_database_as_it_was()
    {
        await RefusedAsync(
            archive =>
            {
                // Checksums made to match: the archive passes every check and breaks only inside the database (a duplicate key).
                var items = Encoding.UTF8.GetString(ArchiveFiles.Entry(archive, "database/content_items.jsonl"));
                var lines = items.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var doubled = string.Join('\n', [.. lines, lines[^1]]) + "\n";
                ArchiveFiles.ReplaceWithChecksum(archive, "database/content_items.jsonl", Encoding.UTF8.GetBytes(doubled), manifest =>
                {
                    var table = manifest["tables"]!.AsArray().Single(t => (string)t!["name"]! == "content_items")!;
                    table["rows"] = lines.Length + 1;
                });
                return "content_items";
            },
            expectedExitCode: 1,
            expectedMessage: _ => "Its transaction was rolled back: the database is unchanged, as it was before the restore");
    }

    [Fact]
    public async Task Restoring_over_content_is_refused_without_force()
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite);
        var archive = Installations.ArchivePath();
        try
        {
            using (installation.Start())
            {
                Assert.Equal(0, (await OperatorCli.BackupAsync(installation.Settings, archive)).ExitCode);
            }

            var restore = await OperatorCli.RestoreAsync(installation.Settings, archive);

            Assert.Equal(5, restore.ExitCode);
            Assert.Contains("The database is not empty (the table", restore.Error, StringComparison.Ordinal);
            Assert.Contains("add --force", restore.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task Restoring_while_the_CMS_runs_is_refused()
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite);
        var archive = Installations.ArchivePath();
        try
        {
            using var cms = installation.Start();
            Assert.Equal(0, (await OperatorCli.BackupAsync(installation.Settings, archive)).ExitCode);
            var lease = Path.Combine(installation.DataPath, "leases", "scheduled-publishing.lock");
            Assert.True(SpinWait.SpinUntil(() => IsLocked(lease), TimeSpan.FromMinutes(1)), "the running CMS never took its scheduler lease");

            var restore = await OperatorCli.RestoreAsync(installation.Settings, archive, force: true);

            Assert.Equal(6, restore.ExitCode);
            Assert.Contains("the CMS is running on this database", restore.Error, StringComparison.Ordinal);
            Assert.Equal(["news-laternen"], await SearchAfterWorkAsync(cms));
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task With_force_a_restore_replaces_what_the_database_held_since_the_backup()
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Postgres);
        var archive = Installations.ArchivePath();
        try
        {
            DatabaseContents backedUp;
            using (var cms = installation.Start())
            {
                Assert.Equal(0, (await OperatorCli.BackupAsync(installation.Settings, archive)).ExitCode);
                backedUp = await DatabaseContents.ReadAsync(cms.Services);
                await EditorialDay.WorkAsync(cms.Services);
            }

            var restore = await OperatorCli.RestoreAsync(installation.Settings, archive, force: true);

            Assert.True(restore.ExitCode == 0, restore.Error + restore.Output);
            using var restored = installation.Start();
            (await DatabaseContents.ReadAsync(restored.Services)).AssertSameAs(backedUp);
            Assert.Empty(await EditorialDay.SearchAsync(restored.Services, EditorialDay.SearchWord));
            // New rows after the restore get keys after the restored ones (identity sequences reset on PostgreSQL).
            await EditorialDay.WorkAsync(restored.Services);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private static async Task<IReadOnlyList<string>> SearchAfterWorkAsync(CmsFactory cms)
    {
        await EditorialDay.WorkAsync(cms.Services);
        return await EditorialDay.SearchAsync(cms.Services, EditorialDay.SearchWord);
    }

    private static bool IsLocked(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private async Task RefusedAsync(Func<string, string> damage, int expectedExitCode, Func<string, string> expectedMessage)
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite);
        var archive = Installations.ArchivePath();
        try
        {
            DatabaseContents before;
            using (var cms = installation.Start())
            {
                await EditorialDay.WorkAsync(cms.Services);
                Assert.Equal(0, (await OperatorCli.BackupAsync(installation.Settings, archive)).ExitCode);
                await EditorialDay.SearchAsync(cms.Services, "Stadtlabor");
                before = await DatabaseContents.ReadAsync(cms.Services);
            }

            var named = damage(archive);
            var restore = await OperatorCli.RestoreAsync(installation.Settings, archive, force: true);

            Assert.Equal(expectedExitCode, restore.ExitCode);
            Assert.Contains(expectedMessage(named), restore.Error, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(installation.DataPath, "search")), "the search index was discarded by a refused restore");
            using var after = installation.Start();
            (await DatabaseContents.ReadAsync(after.Services)).AssertSameAs(before);
        }
        finally
        {
            File.Delete(archive);
        }
    }
}
