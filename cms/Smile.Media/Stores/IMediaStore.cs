namespace Smile.Media.Stores;

/// <summary>
/// Where originals and derivatives live, by key (<c>originals/{id}</c>, <c>derivatives/{id}/{width}.{ext}</c>).
/// A put is all or nothing for readers: they see the old state or the whole new file, never part of it.
/// </summary>
public interface IMediaStore
{
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    Task PutFileAsync(string key, string sourcePath, string contentType, CancellationToken cancellationToken);

    Task PutBytesAsync(string key, byte[] bytes, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when the key is unknown.</summary>
    Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every object whose key starts with <paramref name="prefix"/> (all derivatives of one medium).</summary>
    Task DeleteAllAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>A file on this machine holding the object, when the store is a local disk (no copy needed).</summary>
    string? LocalPath(string key);
}

/// <summary>An open stored object; dispose it when done.</summary>
public sealed class StoredObject(Stream content, long length, IDisposable? owner = null) : IAsyncDisposable
{
    public Stream Content { get; } = content;

    public long Length { get; } = length;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        owner?.Dispose();
    }
}

public static class MediaKeys
{
    public static string Original(string id) => $"originals/{id[..2]}/{id}";

    public static string Derivative(string id, string name) => $"derivatives/{id[..2]}/{id}/{name}";

    public static string Derivatives(string id) => $"derivatives/{id[..2]}/{id}/";
}
