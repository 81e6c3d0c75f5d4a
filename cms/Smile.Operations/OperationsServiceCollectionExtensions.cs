using Microsoft.Extensions.DependencyInjection;
using Smile.Operations.Backup;
using Smile.Operations.Restore;

namespace Smile.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Backup and restore over the storage and media services (<c>AddSmileStorage</c>, <c>AddSmileMedia</c>).</summary>
    public static IServiceCollection AddSmileOperations(this IServiceCollection services)
    {
        services.AddSingleton<BackupService>();
        services.AddSingleton<RestoreService>();
        return services;
    }
}
