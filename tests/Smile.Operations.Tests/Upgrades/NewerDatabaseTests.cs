using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smile.Storage;
using Smile.Storage.Schema;

namespace Smile.Operations.Tests.Upgrades;

public sealed class NewerDatabaseTests(TestDatabases databases)
{
    private const string FutureMigration = "29991231235959_FromANewerSmile";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_database_migrated_by_a_newer_Smile_is_refused_on_start_naming_both_versions_and_left_untouched(string provider)
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, provider);
        string newestKnown;
        using (var first = installation.Start())
        {
            await using var scope = first.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SmileDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            newestKnown = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({0}, '10.0.15')""",
                [FutureMigration],
                TestContext.Current.CancellationToken);
        }

        var before = await HistoryAsync(installation);
        using var refused = new CmsFactory(installation.Settings);
        var thrown = Assert.Throws<DatabaseNewerThanApplicationException>(() => refused.Services);

        Assert.Equal(FutureMigration, thrown.DatabaseVersion);
        Assert.Equal(newestKnown, thrown.ApplicationVersion);
        Assert.Contains(FutureMigration, thrown.Message, StringComparison.Ordinal);
        Assert.Contains(newestKnown, thrown.Message, StringComparison.Ordinal);
        Assert.Contains(refused.Logs.Records, r => r.Level == LogLevel.Critical && r.Message.StartsWith("Start refused: The database schema is at " + FutureMigration, StringComparison.Ordinal));
        Assert.Equal(before, await HistoryAsync(installation));
    }

    private static async Task<List<string>> HistoryAsync(CmsInstallation installation)
    {
        await using var database = new EmptyDatabase(
            installation.Provider,
            installation.Provider == TestDatabases.Sqlite ? Smile.Storage.Sqlite.SqliteStorage.ConnectionStringFor(installation.DataPath) : installation.Settings["ConnectionStrings:Smile"]!,
            dataPath: null);
        await using var db = database.NewContext();
        return [.. await db.Database.GetAppliedMigrationsAsync()];
    }
}
