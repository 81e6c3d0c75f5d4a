using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Smile.Site.Rendering;

/// <summary>
/// The theme's partials, read once per build and served from memory. Fluid looks a partial up at every
/// <c>include</c> (a tag page includes a card hundreds of times); from disk, each lookup was a file-system call.
/// </summary>
internal sealed class PartialFiles : IFileProvider
{
    private readonly Dictionary<string, IFileInfo> _files = new(StringComparer.Ordinal);

    public PartialFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            _files[relative] = new Partial(Path.GetFileName(file), File.ReadAllBytes(file), File.GetLastWriteTimeUtc(file));
        }
    }

    public IFileInfo GetFileInfo(string subpath) =>
        _files.GetValueOrDefault(subpath.Replace('\\', '/').TrimStart('/')) ?? new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class Partial(string name, byte[] bytes, DateTime lastModified) : IFileInfo
    {
        public bool Exists => true;

        public long Length => bytes.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified { get; } = lastModified;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }
}
