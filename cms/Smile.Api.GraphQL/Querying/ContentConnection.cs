using Smile.Content.Items;

namespace Smile.Api.GraphQL.Querying;

/// <summary>A page of items as the connection types read it.</summary>
internal sealed record ContentConnection(IReadOnlyList<ContentVersion> Items, int? TotalCount, bool HasNextPage, int Offset) : IPage
{

    public string? EndCursor => Items.Count == 0 ? null : Cursor.Encode(Offset + Items.Count - 1);

    public IEnumerable<Edge> Edges => Items.Select((item, i) => new Edge(Cursor.Encode(Offset + i), item));

    public sealed record Edge(string Cursor, ContentVersion Node);
}
