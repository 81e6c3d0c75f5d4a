namespace Smile.Storage.Leases;

/// <summary>
/// Work that must run once per deployment (scheduled publishing, webhooks, feed polling, the MQTT client)
/// runs only while its node holds the lease. A lease ends when disposed or when its holder dies.
/// </summary>
public interface ILeaseProvider
{
    /// <summary>The lease, or null when another node holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default);
}
