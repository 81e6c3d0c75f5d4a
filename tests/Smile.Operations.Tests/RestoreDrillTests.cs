namespace Smile.Operations.Tests;

/// <summary>
/// The drill operators run: a CMS that was worked in is backed up, its data is lost, the archive is restored,
/// and everything is there again, on the same database or moved to the other one.
/// </summary>
public sealed class RestoreDrillTests(TestDatabases databases)
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_restored_backup_brings_back_every_item_version_user_audit_entry_and_medium_after_the_data_is_lost(string provider)
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, provider);
        var archive = Installations.ArchivePath();
        try
        {
            var (before, hits) = await WorkAndBackUpAsync(installation, archive, toMicroseconds: false);
            await Installations.WipeAsync(databases, installation);

            var restore = await OperatorCli.RestoreAsync(installation.Settings, archive);

            Assert.True(restore.ExitCode == 0, restore.Error + restore.Output);
            await AssertRestoredAsync(installation, before, hits, toMicroseconds: false);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite, TestDatabases.Postgres)]
    [InlineData(TestDatabases.Postgres, TestDatabases.Sqlite)]
    public async Task A_backup_moves_everything_from_one_database_to_the_other(string from, string to)
    {
        await using var source = await CmsInstallation.CreateAsync(databases, from);
        await using var target = await CmsInstallation.CreateAsync(databases, to);
        var archive = Installations.ArchivePath();
        try
        {
            var (before, hits) = await WorkAndBackUpAsync(source, archive, toMicroseconds: true);

            var restore = await OperatorCli.RestoreAsync(target.Settings, archive);

            Assert.True(restore.ExitCode == 0, restore.Error + restore.Output);
            await AssertRestoredAsync(target, before, hits, toMicroseconds: true);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private static async Task<(DatabaseContents Contents, IReadOnlyList<string> Hits)> WorkAndBackUpAsync(CmsInstallation installation, string archive, bool toMicroseconds)
    {
        using var cms = installation.Start();
        await EditorialDay.WorkAsync(cms.Services);
        var hits = await EditorialDay.SearchAsync(cms.Services, EditorialDay.SearchWord);
        Assert.Equal(["news-laternen"], hits);

        // Taken while the CMS runs, as operators do.
        var backup = await OperatorCli.BackupAsync(installation.Settings, archive);

        Assert.True(backup.ExitCode == 0, backup.Error + backup.Output);
        Assert.Contains("Backup written to", backup.Output, StringComparison.Ordinal);
        return (await DatabaseContents.ReadAsync(cms.Services, toMicroseconds), hits);
    }

    private static async Task AssertRestoredAsync(CmsInstallation installation, DatabaseContents before, IReadOnlyList<string> hits, bool toMicroseconds)
    {
        using var restored = installation.Start();
        var after = await DatabaseContents.ReadAsync(restored.Services, toMicroseconds);
        after.AssertSameAs(before);
        Assert.NotEmpty(before.MediaChecksums);
        Assert.DoesNotContain("missing", before.MediaChecksums.Values);
        Assert.True(await UserChecks.PasswordWorksAsync(restored.Services, EditorialDay.EditorEmail, EditorialDay.EditorPassword));
        Assert.Equal(hits, await EditorialDay.SearchAsync(restored.Services, EditorialDay.SearchWord));
    }
}
