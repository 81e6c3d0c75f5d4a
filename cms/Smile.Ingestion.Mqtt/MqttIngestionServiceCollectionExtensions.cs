using Microsoft.Extensions.DependencyInjection;

namespace Smile.Ingestion.Mqtt;

public static class MqttIngestionServiceCollectionExtensions
{
    /// <summary>The MQTT client, when <c>Smile:Ingestion:Mqtt:Enabled</c> is true; its health check either way.</summary>
    public static IServiceCollection AddSmileMqttIngestion(this IServiceCollection services, bool enabled)
    {
        services.AddOptions<MqttIngestionOptions>().BindConfiguration(MqttIngestionOptions.Section);
        services.AddSingleton<MqttConnectionState>();
        if (enabled)
        {
            services.AddHostedService<MqttIngestionService>();
            services.AddHealthChecks().AddCheck<MqttConnectionState>("mqtt", tags: ["ready"]);
        }

        return services;
    }
}
