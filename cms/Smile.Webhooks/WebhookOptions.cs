namespace Smile.Webhooks;

/// <summary>The <c>Smile:Webhooks</c> section. No receivers by default: nothing is sent until one is configured.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Smile:Webhooks";

    public List<WebhookReceiverOptions> Receivers { get; set; } = [];

    /// <summary>How long the outbox must stay quiet before a burst of changes is sent as one delivery.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A delivery leaves at the latest this long after its first change, however busy the editors are.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the outbox and due retries are looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after the first failed attempt; it doubles with every further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After this many failed attempts a delivery is given up and shown to editors as failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failed ones.</summary>
    public TimeSpan RetryDelayAfter(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(RetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
    }
}

/// <summary>One receiver: where to POST, the secret the body is signed with, and which public events it wants.</summary>
public sealed class WebhookReceiverOptions
{
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>From configuration or the environment (<c>Smile__Webhooks__Receivers__0__Secret</c>); there is no default.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Event kinds, e.g. <c>Published</c>, <c>Unpublished</c>, <c>Deleted</c>, <c>Purged</c>; empty means every public event.</summary>
    public List<string> Events { get; set; } = [];
}
