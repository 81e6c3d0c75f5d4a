namespace Smile.Storage.Outbox;

/// <summary>How far one follower is behind the outbox head: events not yet read, and how long the oldest of them has waited.</summary>
/// <param name="OldestUnreadAge">Zero when the follower has read everything.</param>
public sealed record OutboxFollowerLag(string Follower, long Position, long Events, TimeSpan OldestUnreadAge);

/// <summary>The outbox head and every registered follower's lag, read at <paramref name="ReadAt"/>.</summary>
public sealed record OutboxLag(long Head, IReadOnlyList<OutboxFollowerLag> Followers, DateTimeOffset ReadAt)
{
    public static readonly OutboxLag None = new(0, [], DateTimeOffset.MinValue);
}
