namespace Smile.Admin.Listing;

public enum ListStatus
{
    All,
    Draft,
    Published,
    Scheduled,
    Deleted,
}

public enum ListSort
{
    ModifiedDesc,
    ModifiedAsc,
    TitleAsc,
    TitleDesc,
    CreatedDesc,
}

/// <summary>What the list page of one content type asks for; every part comes from the query string.</summary>
public sealed record ListRequest
{
    public required string ContentType { get; init; }

    public string? Search { get; init; }

    public ListStatus Status { get; init; }

    public string? Culture { get; init; }

    public string? Tag { get; init; }

    public string? District { get; init; }

    public string? Owner { get; init; }

    public ListSort Sort { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}

/// <summary>One item in the list: its newest version and where the item stands.</summary>
public sealed record ListRow(string Id, string Title, string Culture, string OwnerId, DateTime ModifiedAt, int Version, bool Published, bool LatestPublished, DateTime? ScheduledAt, bool Deleted);

public sealed record ListPage(IReadOnlyList<ListRow> Rows, int Total, int Page, int PageCount, bool SearchedIndex);
