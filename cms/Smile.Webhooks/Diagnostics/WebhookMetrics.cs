using System.Diagnostics.Metrics;

namespace Smile.Webhooks.Diagnostics;

/// <summary>
/// <c>smile.webhook.deliveries</c>: one per attempt, by receiver (configured names: few) and outcome: <c>delivered</c>,
/// <c>retry_scheduled</c> (failed, another attempt is due) or <c>failed</c> (the last attempt failed; editors see it).
/// </summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "Smile.Webhooks";

    private readonly Counter<long> _deliveries;

    public WebhookMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("smile.webhook.deliveries", "{attempt}", "Webhook delivery attempts by outcome.");
    }

    public void Attempted(string receiver, bool delivered, bool gaveUp) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("smile.webhook.receiver", receiver), new KeyValuePair<string, object?>("smile.webhook.outcome", delivered ? "delivered" : gaveUp ? "failed" : "retry_scheduled"));
}
