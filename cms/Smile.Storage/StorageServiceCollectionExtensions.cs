using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Smile.Content.Editing;
using Smile.Content.Events;
using Smile.Content.Observations;
using Smile.Content.Querying;
using Smile.Content.Rendering;
using Smile.Content.Storage;
using Smile.Storage.ApiKeys;
using Smile.Storage.Content;
using Smile.Storage.Diagnostics;
using Smile.Storage.Media;
using Smile.Storage.Observations;
using Smile.Storage.Outbox;

namespace Smile.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The content ports over EF Core; the provider (SQLite or PostgreSQL) configures the context.</summary>
    public static IServiceCollection AddSmileStorage(this IServiceCollection services, Action<DbContextOptionsBuilder> configureProvider)
    {
        services.AddSingleton<DatabaseCommandCounter>();
        services.AddPooledDbContextFactory<SmileDbContext>((provider, options) =>
        {
            configureProvider(options);
            options.AddInterceptors(provider.GetRequiredService<DatabaseCommandCounter>());
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SmileDbContext>>().CreateDbContext());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MarkupRenderer>();
        services.AddSingleton<ContentStateCache>();
        services.AddSingleton<IContentStore, EfContentStore>();
        services.AddSingleton<IContentReader, ContentReader>();
        services.AddSingleton<IOutbox, EfOutbox>();
        services.AddSingleton<OutboxLagReader>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<ContentService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<ObservationStore>();
        services.AddSingleton<IObservationReader, ObservationReader>();
        services.AddSingleton<MediaCatalog>();
        services.AddSingleton<Smile.Content.Media.IMediaMetadata>(sp => sp.GetRequiredService<MediaCatalog>());
        return services;
    }
}
