using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smile.Storage.Postgres;
using Smile.Storage.Sqlite;
using Xunit;

namespace Smile.Testing;

/// <summary>
/// Hands out fresh, migrated databases: a SQLite file per test, or a PostgreSQL database cloned from a
/// migrated template on one server per test run (started on first use).
/// </summary>
public sealed class TestDatabases : IAsyncLifetime
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    private const string Template = "smile_template";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgresServer? _server;
    private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _failure;

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    /// <summary>PostgreSQL with fsync and synchronous commit on, as in production (benchmarks); tests run without.</summary>
    public bool DurablePostgres { get; init; }

    public async Task<TestDatabase> CreateAsync(string provider, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        string connectionString;
        var dataPath = Path.Combine(Path.GetTempPath(), "smile-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);
        if (provider == Sqlite)
        {
            connectionString = SqliteStorage.ConnectionStringFor(dataPath);
            services.AddSmileSqlite(connectionString, dataPath);
        }
        else
        {
            var server = await PostgresAsync();
            var name = "t_" + Guid.NewGuid().ToString("N")[..16];
            await server.ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {Template}");
            connectionString = server.ConnectionString(name);
            services.AddSmilePostgres(connectionString);
        }

        var provider1 = services.BuildServiceProvider();
        if (provider == Sqlite)
        {
            await using var db = await provider1.GetRequiredService<IDbContextFactory<Storage.SmileDbContext>>().CreateDbContextAsync();
            await db.Database.MigrateAsync();
            await SqliteStorage.UseWriteAheadLogAsync(db);
        }

        return new TestDatabase(provider, connectionString, dataPath, provider1);
    }

    /// <summary>The shared server, for tests that need raw access (concurrency, benchmarks).</summary>
    public async Task<PostgresServer> PostgresAsync()
    {
        await _gate.WaitAsync();
        try
        {
            // A server that could not be prepared fails every later test the same way, without starting another.
            _failure?.Throw();
            if (_server is null)
            {
                var server = await PostgresServer.StartAsync(DurablePostgres);
                try
                {
                    await server.ExecuteAsync($"CREATE DATABASE {Template}");
                    var options = new DbContextOptionsBuilder<Storage.SmileDbContext>();
                    PostgresStorage.Configure(options, server.ConnectionString(Template));
                    await using (var db = new Storage.SmileDbContext(options.Options))
                    {
                        await db.Database.MigrateAsync();
                    }

                    Npgsql.NpgsqlConnection.ClearAllPools(); // a template must have no open connections
                }
                catch (Exception ex)
                {
                    _failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
                    await server.DisposeAsync();
                    throw;
                }

                _server = server;
            }

            return _server;
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _gate.Dispose();
    }
}
