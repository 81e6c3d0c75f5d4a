using Smile.Api.GraphQL.Loading;
using Smile.Content.Items;
using Smile.Content.Media;
using Smile.Content.Observations;
using Smile.Content.Querying;
using Smile.Content.Searching;
using Smile.Content.Security;

namespace Smile.Api.GraphQL.Execution;

/// <summary>Per request: who is asking, and the batch loaders every resolver of the request shares.</summary>
public sealed class SmileUserContext : Dictionary<string, object?>
{
    private readonly IContentReader _reader;
    private readonly PublishedVersionCache? _published;
    private readonly Lock _loadersGate = new();
    private readonly Dictionary<VersionStatus, BatchLoader<string, ContentVersion>> _items = [];
    private readonly Dictionary<VersionStatus, BatchLoader<string, IReadOnlyList<ContentVersion>>> _localizations = [];

    internal SmileUserContext(Actor actor, IContentReader reader, IObservationReader? observations, IMediaMetadata? media, PublishedVersionCache? published)
    {
        Actor = actor;
        _reader = reader;
        _published = published;
        Observations = observations;
        LatestObservations = new(async (ids, ct) => observations is null ? new Dictionary<string, Observation>() : await observations.LatestAsync(ids, ct));
        Media = new(async (ids, ct) => media is null ? new Dictionary<string, MediaFacts>() : await media.DescribeAsync(ids, ct));
        PreviousPaths = new(async (ids, ct) =>
        {
            var lookup = await reader.PreviousPathsAsync(ids, ct);
            return ids.ToDictionary(id => id, id => (IReadOnlyList<string>)[.. lookup[id]]);
        });
    }

    public Actor Actor { get; }

    public IContentReader Reader => _reader;

    /// <summary>The full-text search, when the host has one.</summary>
    public IContentSearch? Search { get; init; }

    /// <summary>The content state the request is answered at (and cached under).</summary>
    public ContentState? State { get; init; }

    /// <summary>The observation store; null where the host has none.</summary>
    public IObservationReader? Observations { get; }

    internal BatchLoader<string, Observation> LatestObservations { get; }

    /// <summary>Types and image sizes from the media library, for every media field of the request in one query.</summary>
    internal BatchLoader<string, MediaFacts> Media { get; }

    /// <summary>
    /// Set by resolvers whose answer does not follow from the content state alone: the search index catches
    /// up with the outbox in the background, so its hits may lag the position the answer would be cached under.
    /// </summary>
    public bool ReadsBeyondContentState { get; set; }

    public bool MayPreview => Actor.Has(Permission.PreviewDrafts);

    internal BatchLoader<string, IReadOnlyList<string>> PreviousPaths { get; }

    internal BatchLoader<string, ContentVersion> Items(VersionStatus status)
    {
        lock (_loadersGate)
        {
            if (!_items.TryGetValue(status, out var loader))
            {
                loader = status == VersionStatus.Published && State is { } state && _published?.For(state) is { } shared
                    ? new(async (ids, ct) => await PublishedAsync(ids, shared, ct))
                    : new(async (ids, ct) =>
                    {
                        var versions = await _reader.GetVersionsAsync(ids, status == VersionStatus.All ? VersionStatus.Latest : status, ct);
                        return versions.ToDictionary(v => v.ItemId);
                    });
                _items[status] = loader;
            }

            return loader;
        }
    }

    /// <summary>Published versions from the shared cache, the rest from the database (and into the cache).</summary>
    private async Task<IReadOnlyDictionary<string, ContentVersion>> PublishedAsync(IReadOnlyCollection<string> ids, PublishedVersionCache.Generation shared, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ContentVersion>(ids.Count, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var id in ids)
        {
            if (!shared.TryGet(id, out var cached))
            {
                missing.Add(id);
            }
            else if (cached is not null)
            {
                found[id] = cached;
            }
        }

        if (missing.Count > 0)
        {
            var fetched = (await _reader.GetVersionsAsync(missing, VersionStatus.Published, cancellationToken)).ToDictionary(v => v.ItemId, StringComparer.Ordinal);
            foreach (var id in missing)
            {
                var version = fetched.GetValueOrDefault(id);
                shared.Add(id, version);
                if (version is not null)
                {
                    found[id] = version;
                }
            }
        }

        return found;
    }

    internal BatchLoader<string, IReadOnlyList<ContentVersion>> Localizations(VersionStatus status)
    {
        lock (_loadersGate)
        {
            if (!_localizations.TryGetValue(status, out var loader))
            {
                loader = new(async (sets, ct) =>
                {
                    var versions = await _reader.GetLocalizationsAsync(sets, status == VersionStatus.All ? VersionStatus.Latest : status, ct);
                    return versions.GroupBy(v => v.LocalizationSet).ToDictionary(g => g.Key, g => (IReadOnlyList<ContentVersion>)[.. g]);
                });
                _localizations[status] = loader;
            }

            return loader;
        }
    }
}
