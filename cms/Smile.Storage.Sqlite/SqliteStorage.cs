using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smile.Storage.Leases;
using Smile.Storage.Observations;

namespace Smile.Storage.Sqlite;

public static class SqliteStorage
{
    public static string ConnectionStringFor(string dataPath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataPath, "smile.db"),
        DefaultTimeout = 30, // seconds a writer waits for the lock before giving up
        Pooling = true,
    }.ToString();

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name));

    public static IServiceCollection AddSmileSqlite(this IServiceCollection services, string connectionString, string dataPath)
    {
        services.AddSmileStorage(options => Configure(options, connectionString));
        services.AddSingleton<ILeaseProvider>(new FileLeaseProvider(Path.Combine(dataPath, "leases")));
        services.AddSingleton<IObservationBatchWriter, SqliteObservationBatchWriter>();
        return services;
    }

    /// <summary>Write-ahead logging lets readers go on while one writer commits; the mode is stored in the file.</summary>
    public static async Task UseWriteAheadLogAsync(SmileDbContext db, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
}
