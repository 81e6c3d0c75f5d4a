using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smile.Content.Events;
using Smile.Webhooks.Dashboard;
using Smile.Webhooks.Diagnostics;
using Smile.Webhooks.Following;
using Smile.Webhooks.Sending;

namespace Smile.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Webhooks from the <c>Smile:Webhooks</c> section: the dashboard service always; the outbox follower and sender
    /// only when receivers are configured (register after the database initializer, so it starts on a migrated database).
    /// </summary>
    public static IServiceCollection AddSmileWebhooks(this IServiceCollection services, bool receiversConfigured)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidation>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookDeliveries>();
        services.AddSingleton<WebhookMetrics>();
        if (receiversConfigured)
        {
            services.AddSingleton<WebhookSender>();
            services.AddSingleton<WebhookBatcher>();
            services.AddSingleton<IOutboxFollower>(sp => sp.GetRequiredService<WebhookBatcher>());
            services.AddSingleton<WebhookDispatcher>();
            services.AddHostedService<WebhookService>();
        }

        return services;
    }
}
