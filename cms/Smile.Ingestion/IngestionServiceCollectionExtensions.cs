using Microsoft.Extensions.DependencyInjection;
using Smile.Ingestion.Datastreams;
using Smile.Ingestion.DeadLetters;
using Smile.Ingestion.Diagnostics;
using Smile.Ingestion.Pipeline;

namespace Smile.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>The pipeline every way in submits to; the ways in (MQTT, HTTP, feeds) are added on top.</summary>
    public static IServiceCollection AddSmileIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section);
        services.AddSingleton<DatastreamCatalog>();
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<IngestionPipeline>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestionPipeline>());
        services.AddSingleton<DeadLetterService>();
        return services;
    }
}
