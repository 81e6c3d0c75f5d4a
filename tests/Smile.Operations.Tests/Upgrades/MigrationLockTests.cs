using Microsoft.EntityFrameworkCore;
using Smile.Storage;
using Smile.Storage.Postgres;
using Smile.Storage.Schema;
using Smile.Storage.Sqlite;

namespace Smile.Operations.Tests.Upgrades;

/// <summary>EF Core's own migrations lock, proven on both providers: several migrators on one empty database at once.</summary>
public sealed class MigrationLockTests(TestDatabases databases)
{
    private const int Migrators = 4;

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Migrations_started_together_on_one_empty_database_apply_each_migration_once(string provider)
    {
        await using var database = await EmptyDatabase.CreateAsync(databases, provider);
        using var start = new Barrier(Migrators);

        var migrating = Enumerable.Range(0, Migrators).Select(_ => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            start.SignalAndWait(TestContext.Current.CancellationToken);
            await SchemaMigrator.MigrateAsync(db, TestContext.Current.CancellationToken);
        })).ToArray();
        await Task.WhenAll(migrating);

        await using var check = database.NewContext();
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        var history = await check.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" """).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(check.Database.GetMigrations().Count(), history.Count);
        Assert.Equal(0, await check.ContentTypes.CountAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>A database with nothing in it, and contexts over it that have not migrated.</summary>
internal sealed class EmptyDatabase(string provider, string connectionString, string? dataPath) : IAsyncDisposable
{
    public string Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    /// <summary>A folder the database owns and deletes with it, or none.</summary>
    public string? DataPath { get; } = dataPath;

    public static async Task<EmptyDatabase> CreateAsync(TestDatabases databases, string provider)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "smile-ops-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);
        if (provider == TestDatabases.Sqlite)
        {
            return new EmptyDatabase(provider, SqliteStorage.ConnectionStringFor(dataPath), dataPath);
        }

        var server = await databases.PostgresAsync();
        var name = "ops_" + Guid.NewGuid().ToString("N")[..16];
        await server.ExecuteAsync($"CREATE DATABASE {name}");
        return new EmptyDatabase(provider, server.ConnectionString(name), dataPath);
    }

    public SmileDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<SmileDbContext>();
        if (Provider == TestDatabases.Sqlite)
        {
            SqliteStorage.Configure(options, ConnectionString);
        }
        else
        {
            PostgresStorage.Configure(options, ConnectionString);
        }

        return new SmileDbContext(options.Options);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (DataPath is not null)
        {
            Directory.Delete(DataPath, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
