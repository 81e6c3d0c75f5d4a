namespace Smile.Content.Events;

/// <summary>
/// Followers (search, webhooks, site rebuilds, other nodes) register by name and report their position;
/// events are pruned once every registered follower has passed them.
/// </summary>
public interface IOutbox
{
    Task<long> PositionAsync(string follower, CancellationToken cancellationToken = default);

    Task AdvanceAsync(string follower, long position, CancellationToken cancellationToken = default);

    Task<long> HeadAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes events every follower has read; returns how many.</summary>
    Task<int> PruneAsync(CancellationToken cancellationToken = default);
}
