using GraphQL;
using GraphQL.Types;
using Smile.Api.GraphQL.Execution;
using Smile.Api.GraphQL.Querying;
using Smile.Content.Definitions;
using Smile.Content.Items;
using Smile.Content.Searching;

namespace Smile.Api.GraphQL.Schema;

/// <summary>
/// <c>search(query, types, culture, first, after, status)</c>: full-text search over every content type,
/// answered from the search port (the public index, or with the preview permission the editors').
/// </summary>
internal static class SearchFields
{
    public static void Add(ObjectGraphType query, IInterfaceGraphType item, SharedTypes shared, IReadOnlySet<string> typeNames)
    {
        var scalars = shared.Scalars;
        var facetCount = new ObjectGraphType { Name = "FacetCount", Description = "How many matches have one value." };
        facetCount.Add("value", scalars.String.NonNull(), c => ((FacetCount)c.Source!).Value, "The content type name or the term's id: what to filter by.");
        facetCount.Add("label", scalars.String.NonNull(), c => ((FacetCount)c.Source!).Label, "What people read: the type's or the term's title.");
        facetCount.Add("count", scalars.Int.NonNull(), c => ((FacetCount)c.Source!).Count);

        var facets = new ObjectGraphType { Name = "SearchFacets", Description = "Counts over all matches, not only this page." };
        facets.Add("contentTypes", facetCount.NonNullList(), c => Facet(c, SearchFacet.ContentType));
        facets.Add("districts", facetCount.NonNullList(), c => Facet(c, SearchFacet.District));
        facets.Add("fieldsOfAction", facetCount.NonNullList(), c => Facet(c, SearchFacet.FieldOfAction));

        var edge = new ObjectGraphType { Name = "SearchEdge", Description = "One hit." };
        edge.Add("cursor", scalars.String.NonNull(), c => ((SearchPage.Edge)c.Source!).Cursor);
        edge.Add("node", item.NonNull(), c => ((SearchPage.Edge)c.Source!).Node);
        edge.Add("score", scalars.Float.NonNull(), c => (double)((SearchPage.Edge)c.Source!).Score, "Relevance: higher is better; comparable within one answer only.");
        edge.Add("snippets", scalars.String.NonNullList(), c => ((SearchPage.Edge)c.Source!).Snippets,
            "Passages of the text with the matched words in <mark>…</mark>; everything else is HTML-escaped, so it can be inserted as HTML.");

        var connection = new ObjectGraphType { Name = "SearchConnection", Description = "Hits, most relevant first." };
        connection.Add("totalCount", scalars.Int.NonNull(), c => ((SearchPage)c.Source!).Result.TotalCount);
        connection.Add("nodes", item.NonNullList(), c => ((SearchPage)c.Source!).Nodes);
        connection.Add("edges", edge.NonNullList(), c => ((SearchPage)c.Source!).Edges);
        connection.Add("pageInfo", shared.PageInfo.NonNull(), c => c.Source);
        connection.Add("facets", facets.NonNull(), c => c.Source);
        connection.Add("fuzzy", scalars.Boolean.NonNull(), c => ((SearchPage)c.Source!).Result.Fuzzy,
            "True when nothing matched as typed and these hits forgive typos.");

        query.AddAsync("search", connection.NonNull(), async c =>
        {
            var context = (SmileUserContext)c.UserContext;
            context.ReadsBeyondContentState = true;
            var status = ContentSchemaFactory.Authorized(c, context);
            if (status is not (VersionStatus.Published or VersionStatus.Latest))
            {
                throw ApiErrors.BadInput("search reads PUBLISHED (the public index) or LATEST (the editors' index).");
            }

            var first = c.GetArgument("first", ContentSchemaFactory.DefaultPageSize);
            if (first is < 0 or > ContentSchemaFactory.MaxPageSize)
            {
                throw ApiErrors.BadInput($"first must be between 0 and {ContentSchemaFactory.MaxPageSize}, not {first}; page with `after`.");
            }

            var search = context.Search ?? throw ApiErrors.BadInput("Search is not available on this server.");
            var offset = Cursor.Decode(c.GetArgument<string?>("after"));
            var result = await search.SearchAsync(new SearchRequest
            {
                Query = c.GetArgument<string>("query") ?? "",
                Culture = c.GetArgument("culture", ContentTypeDefinition.DefaultCulture) ?? ContentTypeDefinition.DefaultCulture,
                ContentTypes = c.GetArgument<List<string>?>("types") ?? [],
                Scope = status == VersionStatus.Published ? SearchScope.Published : SearchScope.Latest,
                Offset = offset,
                Take = first,
                ConsistentWith = context.State?.OutboxPosition,
            }, c.CancellationToken);

            var versions = await VersionsAsync(c, context, result, status);
            var edges = result.Hits
                .Select((hit, i) => (Hit: hit, Position: offset + i, Version: versions.GetValueOrDefault(hit.ItemId)))
                .Where(e => e.Version is not null && typeNames.Contains(e.Version.ContentType))
                .Select(e => new SearchPage.Edge(Cursor.Encode(e.Position), e.Version!, e.Hit.Score, e.Hit.Snippets))
                .ToList();
            var hasNextPage = offset + result.Hits.Count < result.TotalCount && result.Hits.Count > 0;
            return new SearchPage(result, edges, hasNextPage);
        }, "Full-text search across content types: German-aware (stemming, compounds), typos forgiven when nothing matches exactly, \"quotes\" for phrases.", new QueryArguments(
            GraphFields.Argument("query", scalars.String.NonNull(), "Words as typed; any input is accepted."),
            GraphFields.Argument("types", scalars.String.ListOfNonNull(), "Content type names to search in; all when omitted."),
            GraphFields.Argument("culture", scalars.String, "de, en or de-x-ls.", ContentTypeDefinition.DefaultCulture),
            GraphFields.Argument("first", scalars.Int, $"Page size, at most {ContentSchemaFactory.MaxPageSize}.", ContentSchemaFactory.DefaultPageSize),
            GraphFields.Argument("after", scalars.String, "The endCursor of the previous page."),
            GraphFields.Argument("status", shared.Status, "PUBLISHED, or LATEST for editors (needs the preview permission).", VersionStatus.Published)));
    }

    /// <summary>
    /// The hits' versions. An index that has read as far as the request's content state lists a hit as truly as
    /// the database does, so a result list (id, title, path) is answered from it; any other field reads the
    /// versions. The index may be a moment behind: then a hit whose version is gone is left out, never shown stale.
    /// </summary>
    private static async Task<Dictionary<string, ContentVersion>> VersionsAsync(IResolveFieldContext c, SmileUserContext context, SearchResult result, VersionStatus status)
    {
        if (result.UpToDate && result.Hits.All(h => h.Indexed is not null) && IndexedNodes.Suffice(c.Document))
        {
            return result.Hits.ToDictionary(h => h.ItemId, h => IndexedNodes.Version(h.ItemId, h.Indexed!), StringComparer.Ordinal);
        }

        return (await context.Reader.GetVersionsAsync([.. result.Hits.Select(h => h.ItemId)], status, c.CancellationToken))
            .ToDictionary(v => v.ItemId, StringComparer.Ordinal);
    }

    private static IReadOnlyList<FacetCount> Facet(IResolveFieldContext context, SearchFacet facet) =>
        ((SearchPage)context.Source!).Result.Facets.GetValueOrDefault(facet) ?? [];
}
