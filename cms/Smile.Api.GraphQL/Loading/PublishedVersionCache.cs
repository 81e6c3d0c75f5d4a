using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Content.Querying;

namespace Smile.Api.GraphQL.Loading;

/// <summary>
/// Published versions by item id, shared by every request answered at the same content state. Relations point
/// from thousands of items at a few (tags, districts, fields of action), so a page of news finds its tags here
/// rather than in the database. Any content event moves the state to a new outbox position, and the first
/// request at it starts an empty generation: nothing is ever served for a state it was not read at or after.
/// </summary>
internal sealed class PublishedVersionCache
{
    /// <summary>Enough for every taxonomy term and project of a city; a few megabytes at most.</summary>
    public const int MaxVersions = 4096;

    private Generation _current = new(-1);

    /// <summary>The versions for this state, or null for a request answered at an older state than the newest seen.</summary>
    public Generation? For(ContentState state)
    {
        var current = Volatile.Read(ref _current);
        while (current.Position < state.OutboxPosition)
        {
            var replaced = Interlocked.CompareExchange(ref _current, new Generation(state.OutboxPosition), current);
            current = ReferenceEquals(replaced, current) ? Volatile.Read(ref _current) : replaced;
        }

        return current.Position == state.OutboxPosition ? current : null;
    }

    public sealed class Generation(long position)
    {
        private readonly ConcurrentDictionary<string, ContentVersion?> _versions = new(StringComparer.Ordinal);

        public long Position { get; } = position;

        public bool TryGet(string itemId, out ContentVersion? version) => _versions.TryGetValue(itemId, out version);

        /// <summary>Keeps a version (or null: the item has no published version) unless the generation is full.</summary>
        public void Add(string itemId, ContentVersion? version)
        {
            if (_versions.Count >= MaxVersions)
            {
                return;
            }

            // The fields are read by many requests at once, and System.Text.Json builds a parsed object's
            // members on first access, which is not safe to race: build them all before sharing.
            if (version is not null)
            {
                Materialize(version.Fields);
            }

            _versions.TryAdd(itemId, version);
        }

        private static void Materialize(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject members:
                    foreach (var (_, value) in members)
                    {
                        Materialize(value);
                    }

                    break;
                case JsonArray items:
                    foreach (var item in items)
                    {
                        Materialize(item);
                    }

                    break;
            }
        }
    }
}
