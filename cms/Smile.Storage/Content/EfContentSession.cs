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

internal sealed class EfContentSession(SmileDbContext db, IDbContextTransaction transaction) : IContentSession
{
    private readonly List<ContentEvent> _events = [];
    private bool _committed;

    public async Task<ContentItem?> FindItemAsync(string id, CancellationToken cancellationToken = default) =>
        db.Items.Local.FirstOrDefault(i => i.Id == id)
        ?? await db.Items.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<ContentVersion?> FindVersionAsync(string itemId, int number, CancellationToken cancellationToken = default) =>
        db.Versions.Local.FirstOrDefault(v => v.ItemId == itemId && v.Number == number)
        ?? await db.Versions.FirstOrDefaultAsync(v => v.ItemId == itemId && v.Number == number, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> FindContentTypesAsync(IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken = default)
    {
        var found = await db.Items.Where(i => itemIds.Contains(i.Id) && i.DeletedAt == null)
            .Select(i => new { i.Id, i.ContentType })
            .ToDictionaryAsync(i => i.Id, i => i.ContentType, cancellationToken);
        // Items added earlier in this same session (a recipe importing items that reference each other).
        foreach (var item in db.Items.Local.Where(i => itemIds.Contains(i.Id) && i.DeletedAt == null))
        {
            found[item.Id] = item.ContentType;
        }

        return found;
    }

    public void AddItem(ContentItem item) => db.Items.Add(item);

    public void AddVersion(ContentVersion version, IReadOnlyList<FieldIndexEntry> index, IReadOnlyList<RelationEntry> relations)
    {
        db.Versions.Add(version);
        AddIndexRows(version, index, relations);
    }

    public async Task ReplaceFieldsAsync(ContentVersion version, JsonObject fields, IReadOnlyList<FieldIndexEntry> index, IReadOnlyList<RelationEntry> relations, CancellationToken cancellationToken = default)
    {
        await db.FieldIndex.Where(r => r.VersionId == version.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Relations.Where(r => r.VersionId == version.Id).ExecuteDeleteAsync(cancellationToken);
        db.Entry(version).Property(v => v.Fields).CurrentValue = fields;
        AddIndexRows(version, index, relations);
    }

    public async IAsyncEnumerable<ContentVersion> VersionsOfTypeAsync(string contentType, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Pages, not one open reader: PostgreSQL allows one active command per connection.
        const int PageSize = 500;
        long after = 0;
        while (true)
        {
            var page = await db.Versions.Where(v => v.ContentType == contentType && v.Id > after)
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
        await db.SaveChangesAsync(cancellationToken);
        await db.Versions.Where(v => v.ItemId == itemId && !v.Latest && !v.Published).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task PurgeItemAsync(string itemId, CancellationToken cancellationToken = default)
    {
        await db.SaveChangesAsync(cancellationToken);
        await db.Routes.Where(r => r.ItemId == itemId).ExecuteDeleteAsync(cancellationToken);
        await db.Versions.Where(v => v.ItemId == itemId).ExecuteDeleteAsync(cancellationToken);
        await db.Items.Where(i => i.Id == itemId).ExecuteDeleteAsync(cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is ContentItem { } i && i.Id == itemId || e.Entity is ContentVersion { } v && v.ItemId == itemId).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    public async Task<RouteEntry?> FindRouteAsync(string culture, string path, CancellationToken cancellationToken = default)
    {
        var row = db.Routes.Local.FirstOrDefault(r => r.Culture == culture && r.Path == path)
            ?? await db.Routes.FirstOrDefaultAsync(r => r.Culture == culture && r.Path == path, cancellationToken);
        return row is null ? null : new RouteEntry(row.Culture, row.Path, row.ItemId, row.IsCurrent);
    }

    public async Task SetRouteAsync(string itemId, string culture, string path, bool keepPreviousAsHistory, CancellationToken cancellationToken = default)
    {
        var now = DateTime.UtcNow;
        var owned = await db.Routes.Where(r => r.ItemId == itemId).ToListAsync(cancellationToken);
        owned.AddRange(db.Routes.Local.Where(r => r.ItemId == itemId && !owned.Contains(r)));
        foreach (var current in owned.Where(r => r.IsCurrent && r.Path != path))
        {
            if (keepPreviousAsHistory)
            {
                current.IsCurrent = false;
                current.ChangedAt = now;
            }
            else
            {
                db.Routes.Remove(current);
            }
        }

        if (owned.FirstOrDefault(r => r.Culture == culture && r.Path == path) is { } existing)
        {
            existing.IsCurrent = true;
            existing.ChangedAt = now;
        }
        else
        {
            db.Routes.Add(new RouteRow { Culture = culture, Path = path, ItemId = itemId, IsCurrent = true, ChangedAt = now });
        }
    }

    public async Task<IReadOnlyList<string>> DueForPublishingAsync(DateTime now, CancellationToken cancellationToken = default) =>
        await db.Items.Where(i => i.ScheduledPublishAt != null && i.ScheduledPublishAt <= now && i.DeletedAt == null)
            .OrderBy(i => i.ScheduledPublishAt).Select(i => i.Id).ToListAsync(cancellationToken);

    public async Task<ContentTypeDefinition?> FindTypeAsync(string name, CancellationToken cancellationToken = default)
    {
        var row = db.ContentTypes.Local.FirstOrDefault(r => r.Name == name)
            ?? await db.ContentTypes.FirstOrDefaultAsync(r => r.Name == name, cancellationToken);
        return row is null ? null : ContentTypeJson.Deserialize(row.Definition);
    }

    public void SaveType(ContentTypeDefinition type)
    {
        var json = ContentTypeJson.Serialize(type);
        var row = db.ContentTypes.Local.FirstOrDefault(r => r.Name == type.Name) ?? db.ContentTypes.Find(type.Name);
        if (row is null)
        {
            db.ContentTypes.Add(new ContentTypeRow { Name = type.Name, Definition = json, UpdatedAt = DateTime.UtcNow });
        }
        else
        {
            row.Definition = json;
            row.UpdatedAt = DateTime.UtcNow;
        }
    }

    public async Task<long> BumpSchemaVersionAsync(CancellationToken cancellationToken = default) =>
        await Counters.IncrementAsync(db, CounterRow.Schema, 1, cancellationToken);

    public async Task UpsertRoleAsync(string name, IReadOnlySet<Permission> permissions, CancellationToken cancellationToken = default)
    {
        var normalized = name.ToUpperInvariant();
        var role = db.Roles.Local.FirstOrDefault(r => r.NormalizedName == normalized)
            ?? await db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken);
        if (role is null)
        {
            role = new SmileRole(name) { NormalizedName = normalized, ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(role);
        }

        var claims = await db.RoleClaims.Where(c => c.RoleId == role.Id && c.ClaimType == SmileRole.PermissionClaimType).ToListAsync(cancellationToken);
        var wanted = permissions.Select(p => p.ToString()).ToHashSet(StringComparer.Ordinal);
        db.RoleClaims.RemoveRange(claims.Where(c => !wanted.Contains(c.ClaimValue!)));
        foreach (var permission in wanted.Except(claims.Select(c => c.ClaimValue!)).Order(StringComparer.Ordinal))
        {
            db.RoleClaims.Add(new() { RoleId = role.Id, ClaimType = SmileRole.PermissionClaimType, ClaimValue = permission });
        }
    }

    public void Append(ContentEvent contentEvent) => _events.Add(contentEvent);

    public void Append(AuditEntry entry) => db.Audit.Add(entry);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
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
            var last = await Counters.IncrementAsync(db, CounterRow.Outbox, _events.Count, cancellationToken);
            var sequence = last - _events.Count;
            foreach (var contentEvent in _events)
            {
                contentEvent.Sequence = ++sequence;
                db.Events.Add(contentEvent);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await transaction.RollbackAsync();
        }

        await transaction.DisposeAsync();
        await db.DisposeAsync();
    }

    private IEnumerable<ContentItem> SavedItems(DbUpdateException ex) =>
        ex.Entries.Select(e => e.Entity).OfType<ContentVersion>()
            .Select(v => db.Items.Local.FirstOrDefault(i => i.Id == v.ItemId))
            .OfType<ContentItem>();

    private async Task<int> LatestVersionInDatabaseAsync(string itemId, CancellationToken cancellationToken)
    {
        // The failed transaction is unusable on PostgreSQL; ask on a fresh connection.
        await using var fresh = new SmileDbContext((DbContextOptions<SmileDbContext>)db.GetService<IDbContextOptions>());
        return await fresh.Items.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.LatestVersion).FirstOrDefaultAsync(cancellationToken);
    }

    private void AddIndexRows(ContentVersion version, IReadOnlyList<FieldIndexEntry> index, IReadOnlyList<RelationEntry> relations)
    {
        foreach (var entry in index)
        {
            db.FieldIndex.Add(new FieldIndexRow { Version = version, Field = entry.Field, Text = entry.Text, Number = entry.Number, Date = entry.Date, Boolean = entry.Boolean });
        }

        foreach (var relation in relations)
        {
            db.Relations.Add(new RelationRow { Version = version, Field = relation.Field, TargetId = relation.TargetId, Position = relation.Position, Kind = relation.Kind });
        }
    }
}
