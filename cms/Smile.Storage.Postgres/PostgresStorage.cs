using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smile.Storage.Content;
using Smile.Storage.Leases;
using Smile.Storage.Observations;

namespace Smile.Storage.Postgres;

public static class PostgresStorage
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresStorage).Assembly.GetName().Name));

    public static IServiceCollection AddSmilePostgres(this IServiceCollection services, string connectionString)
    {
        services.AddSmileStorage(options => Configure(options, connectionString));
        services.AddSingleton<ILeaseProvider>(new AdvisoryLockLeaseProvider(connectionString));
        services.AddSingleton<IObservationBatchWriter, PostgresObservationBatchWriter>();
        services.AddHostedService(sp => new StateChangeListener(connectionString, sp.GetRequiredService<ContentStateCache>(), sp.GetRequiredService<ILogger<StateChangeListener>>()));
        return services;
    }
}
