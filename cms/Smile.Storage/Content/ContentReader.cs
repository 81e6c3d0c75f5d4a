using Microsoft.EntityFrameworkCore;
using Smile.Content.Auditing;
using Smile.Content.Definitions;
using Smile.Content.Events;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Storage.Entities;

namespace Smile.Storage.Content;

public sealed class ContentReader(IDbContextFactory<SmileDbContext> contexts, ContentStateCache? stateCache = null) : IContentReader
{
    // The public API's most frequent reads, compiled once per reader (a compiled query belongs to one model, and a
    // process may hold hosts on different providers): a page of a type newest first without filters, and the batch
    // loaders' published versions by id. They skip building the query and looking it up in EF's cache.
    private readonly Func<SmileDbContext, string, string, int, int, IAsyncEnumerable<ContentVersion>> _newestPublished =
        EF.CompileAsyncQuery((SmileDbContext db, string type, string culture, int skip, int take) =>
            db.Versions.AsNoTracking()
                .Where(v => v.ContentType == type && v.Culture == culture && v.Published)
                .OrderByDescending(v => v.PublishedAt).ThenBy(v => v.ItemId)
                .Skip(skip).Take(take));

    private readonly Func<SmileDbContext, List<string>, IAsyncEnumerable<ContentVersion>> _publishedByIds =
        EF.CompileAsyncQuery((SmileDbContext db, List<string> ids) => db.Versions.AsNoTracking().Where(v => ids.Contains(v.ItemId) && v.Published));

    public async Task<ContentItem?> GetItemAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    public async Task<ContentVersion?> GetVersionAsync(string id, VersionStatus status, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await WithStatus(db, db.Versions.AsNoTracking().Where(v => v.ItemId == id), status, deleted: false)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ContentVersion>> GetVersionsAsync(IReadOnlyCollection<string> ids, VersionStatus status, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (status == VersionStatus.Published)
        {
            return await ToListAsync(_publishedByIds(db, [.. ids]), ids.Count, cancellationToken);
        }

        return await WithStatus(db, db.Versions.AsNoTracking().Where(v => ids.Contains(v.ItemId)), status, deleted: false).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ContentVersion>> GetLocalizationsAsync(IReadOnlyCollection<string> localizationSets, VersionStatus status, CancellationToken cancellationToken = default)
    {
        if (localizationSets.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await WithStatus(db, db.Versions.AsNoTracking().Where(v => localizationSets.Contains(v.LocalizationSet)), status, deleted: false).ToListAsync(cancellationToken);
    }

    public async Task<ILookup<string, string>> PreviousPathsAsync(IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Paths the item was public at, except where it is public now.
        var rows = await db.Routes.AsNoTracking()
            .Where(r => itemIds.Contains(r.ItemId) && r.WasPublic && !db.Versions.Any(v => v.ItemId == r.ItemId && v.Published && v.Path == r.Path))
            .OrderByDescending(r => r.ChangedAt).Select(r => new { r.ItemId, r.Path }).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.ItemId, r => r.Path);
    }

    public Task<ContentState> StateAsync(CancellationToken cancellationToken = default) =>
        stateCache is null ? ReadStateAsync(cancellationToken) : stateCache.GetAsync(ReadStateAsync, cancellationToken);

    private async Task<ContentState> ReadStateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counters = await db.Counters.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Value, cancellationToken);
        return new ContentState(counters[CounterRow.Outbox], counters[CounterRow.Schema], counters.GetValueOrDefault(CounterRow.Observations));
    }

    public async Task<ContentVersion?> GetVersionAsync(string id, int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.ItemId == id && v.Number == number, cancellationToken);
    }

    public async Task<IReadOnlyList<ContentVersion>> ListVersionsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Versions.AsNoTracking().Where(v => v.ItemId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
    }

    public async Task<ContentVersion?> GetByPathAsync(string culture, string path, VersionStatus status, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await WithStatus(db, db.Versions.AsNoTracking().Where(v => v.Culture == culture && v.Path == path), status, deleted: false)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> PreviousPathsAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Routes.AsNoTracking()
            .Where(r => r.ItemId == itemId && r.WasPublic && !db.Versions.Any(v => v.ItemId == r.ItemId && v.Published && v.Path == r.Path))
            .OrderByDescending(r => r.ChangedAt).Select(r => r.Path).ToListAsync(cancellationToken);
    }

    public async Task<ContentPage> QueryAsync(ContentQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (IsNewestPublished(query))
        {
            var newest = await ToListAsync(_newestPublished(db, query.ContentType!, query.Culture!, query.Offset, query.Take + 1), query.Take + 1, cancellationToken);
            var more = newest.Count > query.Take;
            return new ContentPage(more ? newest[..query.Take] : newest, null, more);
        }

        var versions = db.Versions.AsNoTracking();
        if (query.ContentType is { } type)
        {
            versions = versions.Where(v => v.ContentType == type);
        }

        if (query.Culture is { } culture)
        {
            versions = versions.Where(v => v.Culture == culture);
        }

        versions = WithStatus(db, versions, query.Status, query.Deleted);
        if (query.Where is { } filter)
        {
            versions = versions.Where(new FilterTranslator(db).Translate(filter));
        }

        int? total = query.IncludeTotalCount ? await versions.CountAsync(cancellationToken) : null;
        // One row more than asked tells whether another page follows, without counting.
        var page = await Order(db, versions, query.OrderBy, query.Status).Skip(query.Offset).Take(query.Take + 1).ToListAsync(cancellationToken);
        var hasMore = page.Count > query.Take;
        return new ContentPage(hasMore ? page[..query.Take] : page, total, hasMore);
    }

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ContentTypes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return [.. rows.Select(r => ContentTypeJson.Deserialize(r.Definition))];
    }

    public async Task<long> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Counters.Where(c => c.Name == CounterRow.Schema).Select(c => c.Value).FirstAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.Audit.AsNoTracking();
        if (query.ItemId is { } itemId)
        {
            entries = entries.Where(e => e.ItemId == itemId);
        }

        if (query.ActorId is { } actorId)
        {
            entries = entries.Where(e => e.ActorId == actorId);
        }

        if (query.Since is { } since)
        {
            entries = entries.Where(e => e.At >= since);
        }

        return await entries.OrderByDescending(e => e.Id).Take(query.Take).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ContentEvent>> EventsAfterAsync(long sequence, int take, bool publicOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = db.Events.AsNoTracking().Where(e => e.Sequence > sequence);
        if (publicOnly)
        {
            events = events.Where(e => e.Public);
        }

        return await events.OrderBy(e => e.Sequence).Take(take).ToListAsync(cancellationToken);
    }

    private static bool IsNewestPublished(ContentQuery query) =>
        query is { ContentType: not null, Culture: not null, Status: VersionStatus.Published, Where: null, Deleted: false, IncludeTotalCount: false, OrderBy: [{ Field: CommonField.PublishedAt, Descending: true }] };

    private static async Task<List<ContentVersion>> ToListAsync(IAsyncEnumerable<ContentVersion> versions, int expected, CancellationToken cancellationToken)
    {
        var list = new List<ContentVersion>(expected);
        await foreach (var version in versions.WithCancellation(cancellationToken))
        {
            list.Add(version);
        }

        return list;
    }

    private static IQueryable<ContentVersion> WithStatus(SmileDbContext db, IQueryable<ContentVersion> versions, VersionStatus status, bool deleted)
    {
        versions = status switch
        {
            VersionStatus.Published => versions.Where(v => v.Published),
            VersionStatus.Latest => versions.Where(v => v.Latest),
            VersionStatus.Draft => versions.Where(v => v.Latest && !v.Published),
            _ => versions,
        };
        if (status == VersionStatus.Published && !deleted)
        {
            return versions; // deleting unpublishes, so published versions are never of deleted items
        }

        return versions.Where(v => db.Items.Any(i => i.Id == v.ItemId && (i.DeletedAt != null) == deleted));
    }

    private static IOrderedQueryable<ContentVersion> Order(SmileDbContext db, IQueryable<ContentVersion> versions, IReadOnlyList<SortKey> keys, VersionStatus status)
    {
        IOrderedQueryable<ContentVersion>? ordered = null;
        foreach (var key in keys)
        {
            ordered = key.Field switch
            {
                CommonField.Id => By(versions, ordered, v => v.ItemId, key.Descending),
                CommonField.Title => By(versions, ordered, v => v.Title, key.Descending),
                CommonField.Slug => By(versions, By(versions, ordered, v => v.Slug == null ? 1 : 0, descending: false), v => v.Slug, key.Descending),
                CommonField.Path => By(versions, By(versions, ordered, v => v.Path == null ? 1 : 0, descending: false), v => v.Path, key.Descending),
                CommonField.Culture => By(versions, ordered, v => v.Culture, key.Descending),
                CommonField.ContentType => By(versions, ordered, v => v.ContentType, key.Descending),
                CommonField.Owner => By(versions, ordered, v => v.OwnerId, key.Descending),
                CommonField.CreatedAt => By(versions, ordered, v => v.CreatedAt, key.Descending),
                CommonField.ModifiedAt => By(versions, ordered, v => v.ModifiedAt, key.Descending),
                // Published versions always have a date: a plain ORDER BY lets the list index deliver the order.
                CommonField.PublishedAt when status == VersionStatus.Published => By(versions, ordered, v => v.PublishedAt, key.Descending),
                CommonField.PublishedAt => By(versions, By(versions, ordered, v => v.PublishedAt == null ? 1 : 0, descending: false), v => v.PublishedAt, key.Descending),
                _ => ByIndexedField(db, versions, ordered, key),
            };
        }

        // Ties broken by id, so paging never skips or repeats an item.
        return By(versions, ordered, v => v.ItemId, descending: false);
    }

    /// <summary>
    /// Items without a value come last in either direction, on SQLite and PostgreSQL alike (left alone,
    /// SQLite sorts nulls first and PostgreSQL last).
    /// </summary>
    private static IOrderedQueryable<ContentVersion> ByIndexedField(SmileDbContext db, IQueryable<ContentVersion> versions, IOrderedQueryable<ContentVersion>? ordered, SortKey key)
    {
        var field = key.Field;
        var values = db.FieldIndex;
        ordered = By(versions, ordered, v => values.Any(r => r.VersionId == v.Id && r.Field == field) ? 0 : 1, descending: false);
        ordered = By(versions, ordered, v => values.Where(r => r.VersionId == v.Id && r.Field == field).Min(r => r.Text), key.Descending);
        ordered = By(versions, ordered, v => values.Where(r => r.VersionId == v.Id && r.Field == field).Min(r => r.Number), key.Descending);
        return By(versions, ordered, v => values.Where(r => r.VersionId == v.Id && r.Field == field).Min(r => r.Date), key.Descending);
    }

    private static IOrderedQueryable<ContentVersion> By<TKey>(IQueryable<ContentVersion> versions, IOrderedQueryable<ContentVersion>? ordered, System.Linq.Expressions.Expression<Func<ContentVersion, TKey>> key, bool descending) =>
        (ordered, descending) switch
        {
            (null, false) => versions.OrderBy(key),
            (null, true) => versions.OrderByDescending(key),
            (_, false) => ordered.ThenBy(key),
            (_, true) => ordered.ThenByDescending(key),
        };
}
