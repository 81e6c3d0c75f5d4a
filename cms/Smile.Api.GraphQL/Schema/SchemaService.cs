using GraphQL.Types;
using Microsoft.Extensions.Options;
using Smile.Api.GraphQL.Execution;
using Smile.Content.Querying;

namespace Smile.Api.GraphQL.Schema;

/// <summary>
/// Holds the current schema and replaces it, never mutates it, when the content types change. The
/// schema version comes from storage with every request's state read, so a type imported on any node
/// is in the schema of the next request on every node.
/// </summary>
public sealed class SchemaService(IContentReader reader, IOptions<ApiOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile Built? _current;

    public sealed record Built(ISchema Schema, long Version);

    public void Dispose() => _rebuild.Dispose();

    public async Task<Built> GetAsync(long schemaVersion, CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (current?.Version == schemaVersion)
        {
            return current;
        }

        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current?.Version == schemaVersion)
            {
                return current;
            }

            // Read the version with the types, so the schema is labelled with what it was built from.
            var version = (await reader.StateAsync(cancellationToken)).SchemaVersion;
            var types = await reader.ListTypesAsync(cancellationToken);
            var built = new Built(ContentSchemaFactory.Build(types, options.Value.DataLicense), version);
            if (current is null || built.Version >= current.Version)
            {
                _current = built;
            }

            return built;
        }
        finally
        {
            _rebuild.Release();
        }
    }
}
