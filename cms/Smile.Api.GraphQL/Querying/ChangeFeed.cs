using System.Globalization;
using Smile.Api.GraphQL.Execution;
using Smile.Content.Events;

namespace Smile.Api.GraphQL.Querying;

/// <summary>
/// The change feed for builders and mirrors: the outbox events marked public when they were written
/// (see <see cref="ContentEvent.Public"/>).
/// </summary>
internal static class ChangeFeed
{
    /// <summary>The kinds a public event can have: the values of the ChangeKind enum.</summary>
    public static readonly IReadOnlyList<ContentEventKind> PublicKinds =
    [
        ContentEventKind.Published, ContentEventKind.Unpublished, ContentEventKind.Deleted, ContentEventKind.Purged,
        ContentEventKind.SlugChanged, ContentEventKind.ContentTypeChanged,
    ];

    public static long Position(string? after)
    {
        if (string.IsNullOrEmpty(after))
        {
            return 0;
        }

        return long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : throw ApiErrors.BadInput($"'{after}' is not a change feed position; pass the `position` of a change or `pageInfo.endCursor`.");
    }
}

internal sealed record ChangePage(IReadOnlyList<ContentEvent> Items, bool HasNextPage, long After) : IPage
{
    public string? EndCursor => (Items.Count == 0 ? After : Items[^1].Sequence).ToString(CultureInfo.InvariantCulture);
}
