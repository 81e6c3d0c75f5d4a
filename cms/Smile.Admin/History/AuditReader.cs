using Microsoft.EntityFrameworkCore;
using Smile.Content.Auditing;
using Smile.Storage;

namespace Smile.Admin.History;

/// <summary>A page of the audit trail, newest first.</summary>
/// <param name="Older">The cursor for the next (older) page; null on the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? Older);

/// <summary>
/// The audit trail for the admin: filtered by user, action or item and paged by entry id (a cursor), so the
/// hundredth page costs what the first does.
/// </summary>
public sealed class AuditReader(IDbContextFactory<SmileDbContext> contexts)
{
    /// <summary>What the core records; "restored-version-N" is filtered as one action.</summary>
    public static readonly IReadOnlyList<string> Actions = ["created", "saved", "published", "unpublished", "scheduled", "unscheduled", "deleted", "restored", "restored-version", "purged"];

    public async Task<AuditPage> ReadAsync(string? actorId, string? action, string? itemId, long? before, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.Audit.AsNoTracking();
        if (!string.IsNullOrEmpty(actorId))
        {
            entries = entries.Where(e => e.ActorId == actorId);
        }

        if (action == "restored-version")
        {
            entries = entries.Where(e => e.Action.StartsWith("restored-version-"));
        }
        else if (!string.IsNullOrEmpty(action))
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (!string.IsNullOrEmpty(itemId))
        {
            entries = entries.Where(e => e.ItemId == itemId);
        }

        if (before is { } cursor)
        {
            entries = entries.Where(e => e.Id < cursor);
        }

        var page = await entries.OrderByDescending(e => e.Id).Take(take + 1).ToListAsync(cancellationToken);
        return page.Count > take ? new AuditPage(page[..take], page[take - 1].Id) : new AuditPage(page, null);
    }
}
