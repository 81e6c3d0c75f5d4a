using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Content.Querying;

namespace Smile.Ingestion.Datastreams;

/// <summary>
/// The datastreams that exist, read from content and reread only when content has changed since (the outbox
/// position moves with every change), so a datastream an editor creates is accepted with the next batch.
/// </summary>
public sealed class DatastreamCatalog(IContentReader reader) : IDisposable
{
    private const int PageSize = 100;
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _current;

    private sealed record Snapshot(long Position, IReadOnlyDictionary<string, DatastreamInfo> Datastreams);

    public void Dispose() => _reload.Dispose();

    public async Task<IReadOnlyDictionary<string, DatastreamInfo>> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var state = await reader.StateAsync(cancellationToken);
        var current = _current;
        if (current?.Position == state.OutboxPosition)
        {
            return current.Datastreams;
        }

        await _reload.WaitAsync(cancellationToken);
        try
        {
            current = _current;
            if (current?.Position == state.OutboxPosition)
            {
                return current.Datastreams;
            }

            var datastreams = new Dictionary<string, DatastreamInfo>(StringComparer.Ordinal);
            for (var offset = 0; ; offset += PageSize)
            {
                var page = await reader.QueryAsync(new ContentQuery
                {
                    ContentType = DatastreamInfo.ContentType,
                    Culture = null,
                    Status = VersionStatus.Latest,
                    Offset = offset,
                    Take = PageSize,
                    IncludeTotalCount = false,
                }, cancellationToken);
                foreach (var version in page.Items)
                {
                    datastreams[version.ItemId] = Describe(version);
                }

                if (!page.HasMore)
                {
                    break;
                }
            }

            _current = new Snapshot(state.OutboxPosition, datastreams);
            return datastreams;
        }
        finally
        {
            _reload.Release();
        }
    }

    private static DatastreamInfo Describe(ContentVersion version)
    {
        var station = version.Fields["station"] switch
        {
            JsonArray { Count: > 0 } ids => ids[0]?.GetValue<string>(),
            JsonValue id => id.GetValue<string>(),
            _ => null,
        };
        var type = version.Fields["observationType"] is JsonValue value ? value.GetValue<string>() : "measurement";
        return new DatastreamInfo(version.ItemId, station ?? "", type);
    }
}
