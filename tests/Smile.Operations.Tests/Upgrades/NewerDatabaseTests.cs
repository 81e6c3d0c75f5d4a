using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smile.Storage;

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
        // The entry point ends with its exit code (the published app's test checks it); the host never serves.
        Assert.ThrowsAny<Exception>(() => refused.Services);

        var refusal = Assert.Single(refused.Logs.Records, r => r.Level == LogLevel.Critical);
        Assert.StartsWith("Start refused: The database schema is at " + FutureMigration + ", newer than this Smile build", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("whose newest schema is " + newestKnown, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(refused.Logs.Records, r => r.Message == "Hosting failed to start");
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
