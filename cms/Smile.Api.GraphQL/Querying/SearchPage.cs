using Smile.Content.Items;
using Smile.Content.Searching;

namespace Smile.Api.GraphQL.Querying;

/// <summary>A page of search hits as the SearchConnection type reads it.</summary>
internal sealed record SearchPage(SearchResult Result, IReadOnlyList<SearchPage.Edge> Edges, bool HasNextPage) : IPage
{
    public string? EndCursor => Edges.Count == 0 ? null : Edges[^1].Cursor;

    public IEnumerable<ContentVersion> Nodes => Edges.Select(e => e.Node);

    public sealed record Edge(string Cursor, ContentVersion Node, float Score, IReadOnlyList<string> Snippets);
}
