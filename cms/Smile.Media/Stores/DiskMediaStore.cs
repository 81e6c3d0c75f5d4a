namespace Smile.Media.Stores;

/// <summary>The default store: files under the data folder, written to a temporary name and renamed into place.</summary>
public sealed class DiskMediaStore(string root) : IMediaStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public async Task PutFileAsync(string key, string sourcePath, string contentType, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        var temporary = Temporary(target);
        try
        {
            await using (var source = File.OpenRead(sourcePath))
            await using (var destination = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await source.CopyToAsync(destination, cancellationToken);
                await destination.FlushAsync(cancellationToken);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task PutBytesAsync(string key, byte[] bytes, string contentType, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        var temporary = Temporary(target);
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<StoredObject?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult<StoredObject?>(new StoredObject(stream, stream.Length));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<StoredObject?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Task DeleteAllAsync(string prefix, CancellationToken cancellationToken)
    {
        // Prefixes end at a folder here (derivatives/ab/<id>/): the folder goes with everything in it.
        var folder = PathOf(prefix.TrimEnd('/'));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    public string? LocalPath(string key) => File.Exists(PathOf(key)) ? PathOf(key) : null;

    private static string Temporary(string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return target + ".part-" + Guid.NewGuid().ToString("N");
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        // Keys are built from hashes and numbers, but the store does not rely on that.
        return path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"The key '{key}' leaves the media folder.", nameof(key));
    }
}
