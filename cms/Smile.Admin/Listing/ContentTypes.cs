using Smile.Content.Definitions;
using Smile.Content.Querying;

namespace Smile.Admin.Listing;

/// <summary>The type definitions, read again only when the schema version moves (every page shows them in its navigation).</summary>
public sealed class ContentTypes(IContentReader reader)
{
    // A reference swapped whole: concurrent requests never see a version paired with another version's types.
    private Snapshot? _cached;

    public async Task<IReadOnlyList<ContentTypeDefinition>> AllAsync(CancellationToken cancellationToken = default)
    {
        var version = await reader.SchemaVersionAsync(cancellationToken);
        if (_cached is { } cached && cached.Version == version)
        {
            return cached.Types;
        }

        var types = await reader.ListTypesAsync(cancellationToken);
        _cached = new Snapshot(version, types);
        return types;
    }

    public async Task<ContentTypeDefinition?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    private sealed record Snapshot(long Version, IReadOnlyList<ContentTypeDefinition> Types);
}
