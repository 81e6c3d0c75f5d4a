using Microsoft.EntityFrameworkCore;
using Smile.Admin.Listing;
using Smile.Storage;
using Smile.Storage.Observations;

namespace Smile.Admin.Dashboard;

/// <summary>What an editor wants to see first: their drafts, what goes live soon, what went live, what broke.</summary>
public sealed class DashboardReader(IDbContextFactory<SmileDbContext> contexts)
{
    public const int Take = 10;

    public async Task<DashboardData> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var myDrafts = await (
                from v in db.Versions.AsNoTracking()
                join i in db.Items on v.ItemId equals i.Id
                where v.Latest && !v.Published && v.OwnerId == userId && i.DeletedAt == null
                orderby v.ModifiedAt descending
                select new ItemSummary(v.ItemId, v.Title, v.ContentType, v.Culture, v.ModifiedAt))
            .Take(Take).ToListAsync(cancellationToken);
        var scheduled = await (
                from i in db.Items.AsNoTracking()
                join v in db.Versions on new { i.Id, Number = i.LatestVersion } equals new { Id = v.ItemId, v.Number }
                where i.ScheduledPublishAt != null && i.DeletedAt == null
                orderby i.ScheduledPublishAt
                select new ItemSummary(i.Id, v.Title, i.ContentType, i.Culture, i.ScheduledPublishAt!.Value))
            .Take(Take).ToListAsync(cancellationToken);
        var published = await db.Versions.AsNoTracking()
            .Where(v => v.Published)
            .OrderByDescending(v => v.ModifiedAt)
            .Select(v => new ItemSummary(v.ItemId, v.Title, v.ContentType, v.Culture, v.ModifiedAt))
            .Take(Take).ToListAsync(cancellationToken);
        var deadLetters = await db.DeadLetters.AsNoTracking()
            .Where(d => d.ReplayedAt == null)
            .OrderByDescending(d => d.Id)
            .Take(Take).ToListAsync(cancellationToken);
        return new DashboardData(myDrafts, scheduled, published, deadLetters);
    }
}

public sealed record DashboardData(
    IReadOnlyList<ItemSummary> MyDrafts,
    IReadOnlyList<ItemSummary> Scheduled,
    IReadOnlyList<ItemSummary> RecentlyPublished,
    IReadOnlyList<DeadLetterRow> FailedIngestions);
