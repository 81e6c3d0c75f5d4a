using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smile.Storage;
using Smile.Storage.Webhooks;
using Smile.Webhooks.Diagnostics;

namespace Smile.Webhooks.Sending;

/// <summary>
/// Sends the deliveries that are due, oldest first, and records each attempt: delivered, or the status and error
/// with the next attempt after an exponential backoff, or, after the last allowed attempt, failed (a dead letter).
/// </summary>
public sealed partial class WebhookDispatcher(IDbContextFactory<SmileDbContext> contexts, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookDispatcher> logger, WebhookMetrics? metrics = null)
{
    private const int BatchSize = 20;

    /// <summary>Sends what is due now; returns how many attempts were made.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries
            .Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var delivery in due)
        {
            var receiver = settings.Receivers.FirstOrDefault(r => r.Name == delivery.Receiver);
            var outcome = receiver is null
                ? new AttemptOutcome(false, null, $"Der Empfänger „{delivery.Receiver}“ ist nicht mehr konfiguriert.")
                : await sender.SendAsync(delivery, receiver, cancellationToken);
            Record(delivery, outcome, receiver is null ? 0 : settings.MaxAttempts, settings);
            await db.SaveChangesAsync(CancellationToken.None);
            metrics?.Attempted(delivery.Receiver, outcome.Succeeded, delivery.State == WebhookDeliveryState.Failed);
            if (outcome.Succeeded)
            {
                LogDelivered(logger, delivery.Id, delivery.Receiver, delivery.Attempts);
            }
            else if (delivery.State == WebhookDeliveryState.Failed)
            {
                LogGaveUp(logger, delivery.Id, delivery.Receiver, delivery.Attempts, outcome.Error);
            }
            else
            {
                LogRetrying(logger, delivery.Id, delivery.Receiver, delivery.Attempts, delivery.NextAttemptAt, outcome.Error);
            }
        }

        return due.Count;
    }

    private void Record(WebhookDeliveryRow delivery, AttemptOutcome outcome, int maxAttempts, WebhookOptions settings)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastStatus = outcome.Status;
        if (outcome.Succeeded)
        {
            delivery.State = WebhookDeliveryState.Delivered;
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
            delivery.LastError = null;
            return;
        }

        delivery.LastError = outcome.Error is { Length: > 1000 } error ? error[..1000] : outcome.Error;
        if (delivery.Attempts >= maxAttempts)
        {
            delivery.State = WebhookDeliveryState.Failed;
            delivery.FailedAt = now;
            delivery.NextAttemptAt = null;
        }
        else
        {
            delivery.NextAttemptAt = now + settings.RetryDelayAfter(delivery.Attempts);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {Id} to {Receiver} delivered (attempt {Attempts})")]
    private static partial void LogDelivered(ILogger logger, string id, string receiver, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Id} to {Receiver} failed (attempt {Attempts}); next attempt at {NextAttemptAt:o}: {Error}")]
    private static partial void LogRetrying(ILogger logger, string id, string receiver, int attempts, DateTime? nextAttemptAt, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {Id} to {Receiver} given up after {Attempts} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string id, string receiver, int attempts, string? error);
}
