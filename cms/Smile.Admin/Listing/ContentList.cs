using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Querying;
using Smile.Content.Searching;
using Smile.Storage;

namespace Smile.Admin.Listing;

/// <summary>
/// The list of one content type for editors: the newest version of every item with its state, filtered and
/// sorted in the database (the latest-list index serves type + culture + modified order) and paged by offset,
/// because editors jump to page numbers. Words are looked up in the editors' search index when there is one.
/// </summary>
public sealed class ContentList(IDbContextFactory<SmileDbContext> contexts, IContentReader reader, IServiceProvider services)
{
    /// <summary>Search hits considered for one list: an editor refines the words rather than paging through more.</summary>
    public const int MaxSearchHits = 200;

    public async Task<ListPage> QueryAsync(ListRequest request, CancellationToken cancellationToken = default)
    {
        var search = request.Search?.Trim();
        IReadOnlyList<string>? hits = null;
        var index = services.GetService<IContentSearch>();
        if (!string.IsNullOrEmpty(search) && index is not null)
        {
            var found = await index.SearchAsync(new SearchRequest
            {
                Query = search,
                Culture = request.Culture ?? "de",
                ContentTypes = [request.ContentType],
                Scope = SearchScope.Latest,
                Take = MaxSearchHits,
                // An editor looks for what they just saved: the answer waits until the index has read that far.
                ConsistentWith = (await reader.StateAsync(cancellationToken)).OutboxPosition,
            }, cancellationToken);
            // Nothing in the index (a fragment of a word, a slug): the titles may still know.
            hits = found.Hits.Count == 0 ? null : [.. found.Hits.Select(h => h.ItemId)];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows =
            from v in db.Versions.AsNoTracking()
            join i in db.Items on v.ItemId equals i.Id
            where v.Latest && v.ContentType == request.ContentType
            select new { v, i };
        rows = request.Status switch
        {
            ListStatus.Draft => rows.Where(r => !r.v.Published && r.i.DeletedAt == null),
            ListStatus.Published => rows.Where(r => r.i.PublishedVersion != null && r.i.DeletedAt == null),
            ListStatus.Scheduled => rows.Where(r => r.i.ScheduledPublishAt != null && r.i.DeletedAt == null),
            ListStatus.Deleted => rows.Where(r => r.i.DeletedAt != null),
            _ => rows.Where(r => r.i.DeletedAt == null),
        };
        if (!string.IsNullOrEmpty(request.Culture))
        {
            rows = rows.Where(r => r.v.Culture == request.Culture);
        }

        if (!string.IsNullOrEmpty(request.Owner))
        {
            rows = rows.Where(r => r.v.OwnerId == request.Owner);
        }

        if (!string.IsNullOrEmpty(request.Tag))
        {
            rows = rows.Where(r => db.Relations.Any(x => x.VersionId == r.v.Id && x.Field == "tags" && x.TargetId == request.Tag));
        }

        if (!string.IsNullOrEmpty(request.District))
        {
            rows = rows.Where(r => db.Relations.Any(x => x.VersionId == r.v.Id && x.Field == "districts" && x.TargetId == request.District));
        }

        if (hits is not null)
        {
            rows = rows.Where(r => hits.Contains(r.v.ItemId));
        }
        else if (!string.IsNullOrEmpty(search))
        {
            var lowered = search.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL LOWER(): the same on SQLite and PostgreSQL, unlike LIKE
            rows = rows.Where(r => r.v.Title.ToLower().Contains(lowered));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await rows.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + request.PageSize - 1) / request.PageSize);
        var page = Math.Clamp(request.Page, 1, pageCount);
        var ordered = request.Sort switch
        {
            ListSort.ModifiedAsc => rows.OrderBy(r => r.v.ModifiedAt).ThenBy(r => r.v.ItemId),
            ListSort.TitleAsc => rows.OrderBy(r => r.v.Title).ThenBy(r => r.v.ItemId),
            ListSort.TitleDesc => rows.OrderByDescending(r => r.v.Title).ThenBy(r => r.v.ItemId),
            ListSort.CreatedDesc => rows.OrderByDescending(r => r.v.CreatedAt).ThenBy(r => r.v.ItemId),
            _ => rows.OrderByDescending(r => r.v.ModifiedAt).ThenBy(r => r.v.ItemId),
        };
        var items = await ordered
            .Skip((page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(r => new ListRow(r.v.ItemId, r.v.Title, r.v.Culture, r.v.OwnerId, r.v.ModifiedAt, r.v.Number, r.i.PublishedVersion != null, r.v.Published, r.i.ScheduledPublishAt, r.i.DeletedAt != null))
            .ToListAsync(cancellationToken);
        return new ListPage(items, total, page, pageCount, hits is not null);
    }
}
