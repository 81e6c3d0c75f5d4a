using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Smile.Storage.Leases;

namespace Smile.Storage.Postgres;

/// <summary>
/// A lease as a session-level PostgreSQL advisory lock, held on a connection of its own. If the node
/// dies, its connection closes and the lock is free for another node.
/// </summary>
public sealed class AdvisoryLockLeaseProvider(string connectionString) : ILeaseProvider
{
    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        // Pooling off: a pooled connection would go back to the pool still holding the lock.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", KeyFor(name));
        if (await command.ExecuteScalarAsync(cancellationToken) is true)
        {
            return connection;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>A stable 64-bit key per lease name.</summary>
    public static long KeyFor(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("smile:" + name)), 0);
}
