using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Smile.Api.GraphQL.Execution;
using Smile.Content.Querying;

namespace Smile.Api.GraphQL.Transport;

/// <summary>
/// Finished answers to anonymous reads, kept in memory like a CDN would keep them and keyed like the ETag:
/// the request and the content state (schema version, outbox position, observation batches). Every publish
/// moves the outbox position, on this node at once and on others within the state cache's second, so an
/// entry is never served for content newer than it shows. Entries of an older state are dropped together
/// when the state moves on; at the size limit (<c>Smile:Api:ResponseCacheMegabytes</c>, 0 turns it off) the
/// cache starts empty again rather than tracking the age of every entry.
/// </summary>
public sealed class ResponseCache(IOptions<ApiOptions> options)
{
    // Dictionary and key bookkeeping per entry, roughly: counted so many tiny answers cannot exceed the limit.
    private const int EntryOverhead = 128;

    private Generation _current = new(new ContentState(-1, -1, -1));

    public sealed record Entry(byte[] Body, int Status);

    public bool Enabled => options.Value.ResponseCacheMegabytes > 0;

    private long LimitBytes => options.Value.ResponseCacheMegabytes * 1024L * 1024L;

    public bool TryGet(string key, ContentState state, out Entry? entry)
    {
        var generation = Volatile.Read(ref _current);
        entry = null;
        return generation.State == state && generation.Entries.TryGetValue(key, out entry);
    }

    /// <summary>Keeps an answer computed at <paramref name="state"/>; answers of a state older than the newest seen are not kept.</summary>
    public void Add(string key, ContentState state, Entry entry)
    {
        var size = (key.Length * 2L) + entry.Body.Length + EntryOverhead;
        if (size > LimitBytes / 4)
        {
            return; // one huge answer would push out everything else
        }

        var generation = Volatile.Read(ref _current);
        if (generation.State != state && !IsNewer(state, generation.State))
        {
            return;
        }

        if (generation.State != state || Interlocked.Add(ref generation.Bytes, size) > LimitBytes)
        {
            var fresh = new Generation(state) { Bytes = size };
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
            if (generation != fresh)
            {
                return; // another request moved the cache on meanwhile; this answer may be one state behind
            }
        }

        if (!generation.Entries.TryAdd(key, entry))
        {
            Interlocked.Add(ref generation.Bytes, -size);
        }
    }

    /// <summary>Drops every answer, whatever its state.</summary>
    public void Clear() => Volatile.Write(ref _current, new Generation(new ContentState(-1, -1, -1)));

    private static bool IsNewer(ContentState state, ContentState than) =>
        state.OutboxPosition >= than.OutboxPosition && state.SchemaVersion >= than.SchemaVersion && state.ObservationBatches >= than.ObservationBatches;

    private sealed class Generation(ContentState state)
    {
        public long Bytes;

        public ContentState State { get; } = state;

        public ConcurrentDictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);
    }
}
