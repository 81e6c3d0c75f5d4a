using Smile.Storage.Leases;

namespace Smile.Storage.Sqlite;

/// <summary>
/// A lease as an exclusive lock on a file next to the database: SQLite means one machine, and the
/// operating system releases the lock when the process dies.
/// </summary>
public sealed class FileLeaseProvider(string directory) : ILeaseProvider
{
    public Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        try
        {
            var stream = new FileStream(Path.Combine(directory, name + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return Task.FromResult<IAsyncDisposable?>(stream);
        }
        catch (IOException)
        {
            return Task.FromResult<IAsyncDisposable?>(null);
        }
    }
}
