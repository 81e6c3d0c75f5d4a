using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Smile.Content.Auditing;
using Smile.Content.Definitions;
using Smile.Content.Events;
using Smile.Content.Fields;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Content.Storage;
using Smile.Storage.Entities;
using Smile.Storage.Identity;
using Smile.Storage.Outbox;

namespace Smile.Storage.Content;

/// <remarks>
/// A session may hold thousands of new entities (a recipe, a batch import). Lookups of what the session
/// itself holds go through dictionaries, and change detection runs once before each save instead of on
/// every query, so the cost per item stays flat however large the session grows.
/// </remarks>
internal sealed class EfContentSession : IContentSession
{
    private readonly SmileDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly List<ContentEvent> _events = [];
    private readonly Dictionary<string, ContentItem> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ItemId, int Number), ContentVersion> _versions = [];
    private readonly Dictionary<(string Culture, string Path), RouteRow> _routes = [];
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _referencedTypes = new(StringComparer.Ordinal);
    private readonly Action _onCommitted;
    private bool _isCommitted;

    public EfContentSession(SmileDbContext db, IDbContextTransaction transaction, Action committed)
    {
        _db = db;
        _transaction = transaction;
        _onCommitted = committed;
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
    }

    public async Task<ContentItem?> FindItemAsync(string id, CancellationToken cancellationToken = default)
    {
        if (_items.TryGetValue(id, out var item))
        {
            return item;
        }

        item = await _db.Items.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is not null)
        {
            _items[id] = item;
        }

        return item;
    }

    public async Task<ContentVersion?> FindVersionAsync(string itemId, int number, CancellationToken cancellationToken = default)
    {
        if (_versions.TryGetValue((itemId, number), out var version))
        {
            return version;
        }

        if (_created.Contains(itemId))
        {
            return null; // everything of an item created in this session is in the dictionaries
        }

        version = await _db.Versions.FirstOrDefaultAsync(v => v.ItemId == itemId && v.Number == number, cancellationToken);
        if (version is not null)
        {
            _versions[(itemId, number)] = version;
        }

        return version;
    }

    public async Task<IReadOnlyDictionary<string, string>> FindContentTypesAsync(IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var id in itemIds)
        {
            if (_items.TryGetValue(id, out var item))
            {
                if (item.DeletedAt is null)
                {
                    found[id] = item.ContentType;
                }
            }
            else
            {
                unknown.Add(id);
            }
        }

        unknown.RemoveAll(id => _referencedTypes.TryGetValue(id, out var known) && found.TryAdd(id, known));
        if (unknown.Count > 0)
        {
            foreach (var row in await _db.Items.AsNoTracking().Where(i => unknown.Contains(i.Id) && i.DeletedAt == null).Select(i => new { i.Id, i.ContentType }).ToListAsync(cancellationToken))
            {
                found[row.Id] = row.ContentType;
                _referencedTypes[row.Id] = row.ContentType; // the same tags are referenced again and again in a batch
            }
        }

        return found;
    }

    public void AddItem(ContentItem item)
    {
        _db.Items.Add(item);
        _items[item.Id] = item;
        _created.Add(item.Id);
    }

    public void AddVersion(ContentVersion version, IReadOnlyList<FieldIndexEntry> index, IReadOnlyList<RelationEntry> relations)
    {
        _db.Versions.Add(version);
        _versions[(version.ItemId, version.Number)] = version;
        AddIndexRows(version, index, relations);
    }

    public async Task ReplaceFieldsAsync(ContentVersion version, JsonObject fields, IReadOnlyList<FieldIndexEntry> index, IReadOnlyList<RelationEntry> relations, CancellationToken cancellationToken = default)
    {
        await _db.FieldIndex.Where(r => r.VersionId == version.Id).ExecuteDeleteAsync(cancellationToken);
        await _db.Relations.Where(r => r.VersionId == version.Id).ExecuteDeleteAsync(cancellationToken);
        _db.Entry(version).Property(v => v.Fields).CurrentValue = fields;
        AddIndexRows(version, index, relations);
    }

    public async IAsyncEnumerable<ContentVersion> VersionsOfTypeAsync(string contentType, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Pages, not one open reader: PostgreSQL allows one active command per connection.
        const int PageSize = 500;
        long after = 0;
        while (true)
        {
            var page = await _db.Versions.Where(v => v.ContentType == contentType && v.Id > after)
                .OrderBy(v => v.Id).Take(PageSize).ToListAsync(cancellationToken);
            foreach (var version in page)
            {
                yield return version;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    public async Task RemoveSupersededVersionsAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await SaveAsync(cancellationToken);
        await _db.Versions.Where(v => v.ItemId == itemId && !v.Latest && !v.Published).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task PurgeItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await SaveAsync(cancellationToken);
        await _db.Routes.Where(r => r.ItemId == itemId).ExecuteDeleteAsync(cancellationToken);
        await _db.Versions.Where(v => v.ItemId == itemId).ExecuteDeleteAsync(cancellationToken);
        await _db.Items.Where(i => i.Id == itemId).ExecuteDeleteAsync(cancellationToken);
        // A path is made from the title (often a person's name): the outbox keeps that the item changed, not where it lived.
        await _db.Events.Where(e => e.ItemId == itemId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.Path, (string?)null).SetProperty(x => x.PreviousPath, (string?)null), cancellationToken);
        foreach (var entry in _db.ChangeTracker.Entries().Where(e => e.Entity is ContentItem { } i && i.Id == itemId || e.Entity is ContentVersion { } v && v.ItemId == itemId).ToList())
        {
            entry.State = EntityState.Detached;
        }

        _items.Remove(itemId);
        foreach (var key in _versions.Keys.Where(k => k.ItemId == itemId).ToList())
        {
            _versions.Remove(key);
        }

        foreach (var key in _routes.Where(r => r.Value.ItemId == itemId).Select(r => r.Key).ToList())
        {
            _routes.Remove(key);
        }
    }

    public async Task<RouteEntry?> FindRouteAsync(string culture, string path, CancellationToken cancellationToken = default)
    {
        var row = await RouteAsync(culture, path, cancellationToken);
        return row is null ? null : new RouteEntry(row.Culture, row.Path, row.ItemId, row.WasPublic);
    }

    public async Task ReserveRouteAsync(string itemId, string culture, string path, string? released, CancellationToken cancellationToken = default)
    {
        if (released is not null && released != path && await RouteAsync(culture, released, cancellationToken) is { WasPublic: false } old && old.ItemId == itemId)
        {
            _db.Routes.Remove(old);
            _routes.Remove((culture, released));
        }

        if (await RouteAsync(culture, path, cancellationToken) is null)
        {
            var row = new RouteRow { Culture = culture, Path = path, ItemId = itemId, ChangedAt = DateTime.UtcNow };
            _db.Routes.Add(row);
            _routes[(culture, path)] = row;
        }
    }

    public async Task MarkRoutePublicAsync(string itemId, string culture, string path, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(culture, path, cancellationToken) is { } row && row.ItemId == itemId)
        {
            row.WasPublic = true;
            row.ChangedAt = DateTime.UtcNow;
        }
    }

    private async Task<RouteRow?> RouteAsync(string culture, string path, CancellationToken cancellationToken)
    {
        if (!_routes.TryGetValue((culture, path), out var row))
        {
            row = await _db.Routes.FirstOrDefaultAsync(r => r.Culture == culture && r.Path == path, cancellationToken);
            if (row is not null)
            {
                _routes[(culture, path)] = row;
            }
        }

        return row is null || _db.Entry(row).State is EntityState.Deleted or EntityState.Detached ? null : row;
    }

    public async Task<IReadOnlyList<string>> DueForPublishingAsync(DateTime now, CancellationToken cancellationToken = default) =>
        await _db.Items.Where(i => i.ScheduledPublishAt != null && i.ScheduledPublishAt <= now && i.DeletedAt == null)
            .OrderBy(i => i.ScheduledPublishAt).Select(i => i.Id).ToListAsync(cancellationToken);

    public async Task<ContentTypeDefinition?> FindTypeAsync(string name, CancellationToken cancellationToken = default)
    {
        var row = _db.ContentTypes.Local.FirstOrDefault(r => r.Name == name)
            ?? await _db.ContentTypes.FirstOrDefaultAsync(r => r.Name == name, cancellationToken);
        return row is null ? null : ContentTypeJson.Deserialize(row.Definition);
    }

    public void SaveType(ContentTypeDefinition type)
    {
        var json = ContentTypeJson.Serialize(type);
        var row = _db.ContentTypes.Local.FirstOrDefault(r => r.Name == type.Name) ?? _db.ContentTypes.Find(type.Name);
        if (row is null)
        {
            _db.ContentTypes.Add(new ContentTypeRow { Name = type.Name, Definition = json, UpdatedAt = DateTime.UtcNow });
        }
        else
        {
            row.Definition = json;
            row.UpdatedAt = DateTime.UtcNow;
        }
    }

    public async Task<long> BumpSchemaVersionAsync(CancellationToken cancellationToken = default) =>
        await Counters.IncrementAsync(_db, CounterRow.Schema, 1, cancellationToken);

    public async Task UpsertRoleAsync(string name, IReadOnlySet<Permission> permissions, CancellationToken cancellationToken = default)
    {
        var normalized = name.ToUpperInvariant();
        var role = _db.Roles.Local.FirstOrDefault(r => r.NormalizedName == normalized)
            ?? await _db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken);
        if (role is null)
        {
            role = new SmileRole(name) { NormalizedName = normalized, ConcurrencyStamp = Guid.NewGuid().ToString() };
            _db.Roles.Add(role);
        }

        var claims = await _db.RoleClaims.Where(c => c.RoleId == role.Id && c.ClaimType == SmileRole.PermissionClaimType).ToListAsync(cancellationToken);
        var wanted = permissions.Select(p => p.ToString()).ToHashSet(StringComparer.Ordinal);
        _db.RoleClaims.RemoveRange(claims.Where(c => !wanted.Contains(c.ClaimValue!)));
        foreach (var permission in wanted.Except(claims.Select(c => c.ClaimValue!)).Order(StringComparer.Ordinal))
        {
            _db.RoleClaims.Add(new() { RoleId = role.Id, ClaimType = SmileRole.PermissionClaimType, ClaimValue = permission });
        }
    }

    public void Append(ContentEvent contentEvent) => _events.Add(contentEvent);

    public void Append(AuditEntry entry) => _db.Audit.Add(entry);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.Entries.Select(e => e.Entity).OfType<ContentItem>().Concat(SavedItems(ex)).FirstOrDefault() is { } item)
        {
            // Another writer moved the item on first: depending on statement order the database reports
            // it as a stale concurrency token or as a duplicate version number. Either way: a conflict.
            var latest = await LatestVersionInDatabaseAsync(item.Id, cancellationToken);
            if (latest == item.LatestVersion - 1)
            {
                throw;
            }

            throw new ConcurrencyConflictException(item.Id, item.LatestVersion - 1, latest);
        }

        if (_events.Count > 0)
        {
            // Last thing before commit: the counter row stays locked until the commit, so the next
            // writer's numbers come after ours, and followers never see a later number before an earlier one.
            var last = await Counters.IncrementAsync(_db, CounterRow.Outbox, _events.Count, cancellationToken);
            var sequence = last - _events.Count;
            foreach (var contentEvent in _events)
            {
                contentEvent.Sequence = ++sequence;
                _db.Events.Add(contentEvent);
            }

            await SaveAsync(cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
        _isCommitted = true;
        _onCommitted();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_isCommitted)
        {
            await _transaction.RollbackAsync();
        }

        await _transaction.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        _db.ChangeTracker.DetectChanges();
        await _db.SaveChangesAsync(cancellationToken);
    }

    private IEnumerable<ContentItem> SavedItems(DbUpdateException ex) =>
        ex.Entries.Select(e => e.Entity).OfType<ContentVersion>()
            .Select(v => _items.GetValueOrDefault(v.ItemId))
            .OfType<ContentItem>();

    private async Task<int> LatestVersionInDatabaseAsync(string itemId, CancellationToken cancellationToken)
    {
        // The failed transaction is unusable on PostgreSQL; ask on a fresh connection.
        await using var fresh = new SmileDbContext((DbContextOptions<SmileDbContext>)_db.GetService<IDbContextOptions>());
        return await fresh.Items.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.LatestVersion).FirstOrDefaultAsync(cancellationToken);
    }

    private void AddIndexRows(ContentVersion version, IReadOnlyList<FieldIndexEntry> index, IReadOnlyList<RelationEntry> relations)
    {
        foreach (var entry in index)
        {
            _db.FieldIndex.Add(new FieldIndexRow { Version = version, Field = entry.Field, Text = entry.Text, Number = entry.Number, Date = entry.Date, Boolean = entry.Boolean });
        }

        foreach (var relation in relations)
        {
            _db.Relations.Add(new RelationRow { Version = version, Field = relation.Field, TargetId = relation.TargetId, Position = relation.Position, Kind = relation.Kind });
        }
    }
}
