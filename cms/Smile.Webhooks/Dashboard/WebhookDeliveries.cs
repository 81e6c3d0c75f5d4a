using Microsoft.EntityFrameworkCore;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Storage;
using Smile.Storage.Webhooks;

namespace Smile.Webhooks.Dashboard;

/// <summary>What the dashboard shows of webhooks (deliveries that failed or still wait) and the one thing editors do: send a failed one again.</summary>
public sealed class WebhookDeliveries(IDbContextFactory<SmileDbContext> contexts, WebhookSignal signal, TimeProvider clock)
{
    /// <summary>Failed and pending deliveries, newest first.</summary>
    public Task<IReadOnlyList<WebhookDeliveryView>> ProblemsAsync(int take = 50, CancellationToken cancellationToken = default) =>
        ListAsync(d => d.State != WebhookDeliveryState.Delivered, take, cancellationToken);

    /// <summary>All recent deliveries, newest first.</summary>
    public Task<IReadOnlyList<WebhookDeliveryView>> RecentAsync(int take = 50, CancellationToken cancellationToken = default) =>
        ListAsync(_ => true, take, cancellationToken);

    /// <summary>Sends a failed delivery again, with the same id and body and a fresh round of attempts.</summary>
    /// <exception cref="PermissionDeniedException">The actor may not publish (what a delivery announces).</exception>
    /// <exception cref="ContentNotFoundException">There is no such delivery.</exception>
    /// <exception cref="InvalidOperationException">It has not failed (it is delivered or still being tried).</exception>
    public async Task<WebhookDeliveryView> RetryAsync(string deliveryId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(Permission.PublishAllContent))
        {
            throw new PermissionDeniedException("Webhook-Zustellungen erneut senden darf nur, wer alle Inhalte veröffentlichen darf.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var retried = await db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.State == WebhookDeliveryState.Failed)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.State, WebhookDeliveryState.Pending).SetProperty(d => d.Attempts, 0)
                    .SetProperty(d => d.NextAttemptAt, now).SetProperty(d => d.FailedAt, (DateTime?)null),
                cancellationToken);
        var row = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken)
            ?? throw new ContentNotFoundException($"Die Webhook-Zustellung '{deliveryId}'");
        if (retried == 0)
        {
            throw new InvalidOperationException(row.State == WebhookDeliveryState.Delivered
                ? "Diese Webhook-Zustellung ist bereits zugestellt und wird nicht erneut gesendet."
                : "Diese Webhook-Zustellung wird noch versucht; erneut senden lässt sich nur eine fehlgeschlagene.");
        }

        signal.Wake();
        return WebhookDeliveryView.Of(row);
    }

    private async Task<IReadOnlyList<WebhookDeliveryView>> ListAsync(System.Linq.Expressions.Expression<Func<WebhookDeliveryRow, bool>> filter, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(filter)
            .OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id)
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(WebhookDeliveryView.Of)];
    }
}

/// <summary>One delivery as the dashboard lists it (times in UTC; the UI shows them in Europe/Berlin).</summary>
public sealed record WebhookDeliveryView(
    string Id,
    string Receiver,
    WebhookDeliveryState State,
    int Attempts,
    DateTime CreatedAt,
    DateTime? NextAttemptAt,
    DateTime? LastAttemptAt,
    int? LastStatus,
    string? LastError,
    DateTime? DeliveredAt,
    DateTime? FailedAt,
    long FirstSequence,
    long LastSequence,
    string Payload)
{
    public static WebhookDeliveryView Of(WebhookDeliveryRow row) => new(
        row.Id, row.Receiver, row.State, row.Attempts, row.CreatedAt, row.NextAttemptAt, row.LastAttemptAt,
        row.LastStatus, row.LastError, row.DeliveredAt, row.FailedAt, row.FirstSequence, row.LastSequence, row.Payload);
}
