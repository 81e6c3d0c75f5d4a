namespace Smile.Storage.Webhooks;

/// <summary>
/// One debounced batch of public content events for one receiver. Written in the same transaction that moves the
/// webhook follower past those events, so nothing is lost between reading the outbox and sending; the id is sent
/// with every attempt, so a receiver can drop a repeat.
/// </summary>
public sealed class WebhookDeliveryRow
{
    public required string Id { get; init; }

    /// <summary>The configured receiver's name; its URL and secret are read from configuration at each attempt.</summary>
    public required string Receiver { get; init; }

    /// <summary>The exact JSON body, signed anew at each attempt.</summary>
    public required string Payload { get; init; }

    /// <summary>The outbox range the batch covers.</summary>
    public long FirstSequence { get; init; }

    public long LastSequence { get; init; }

    public WebhookDeliveryState State { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>When the next attempt is due; null once delivered or given up.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    /// <summary>The receiver's HTTP status at the last attempt; null when it could not be reached.</summary>
    public int? LastStatus { get; set; }

    public string? LastError { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>When it was given up on (a dead letter editors see and can send again).</summary>
    public DateTime? FailedAt { get; set; }
}

public enum WebhookDeliveryState
{
    Pending,
    Delivered,
    Failed,
}
