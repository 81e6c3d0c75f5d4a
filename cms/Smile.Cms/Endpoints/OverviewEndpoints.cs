using Smile.Content.Items;
using Smile.Content.Querying;

namespace Smile.Cms.Endpoints;

/// <summary>The API's front door at <c>/api</c>: what this instance holds, for people and for uptime checks (the public site has <c>/</c>).</summary>
public static class OverviewEndpoints
{
    public sealed record TypeSummary(string Name, string DisplayName, int Published);

    public sealed record Overview(string Name, long SchemaVersion, IReadOnlyList<TypeSummary> ContentTypes, IReadOnlyDictionary<string, string> Links);

    public static IEndpointRouteBuilder MapOverview(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api", async (IContentReader reader, CancellationToken cancellationToken) =>
        {
            var types = await reader.ListTypesAsync(cancellationToken);
            var summaries = new List<TypeSummary>();
            foreach (var type in types)
            {
                var page = await reader.QueryAsync(new ContentQuery { ContentType = type.Name, Status = VersionStatus.Published, Take = 0 }, cancellationToken);
                summaries.Add(new TypeSummary(type.Name, type.DisplayName, page.TotalCount ?? 0));
            }

            return TypedResults.Ok(new Overview("Smile CMS", await reader.SchemaVersionAsync(cancellationToken), summaries, new Dictionary<string, string>
            {
                ["liveness"] = "/healthz",
                ["readiness"] = "/readyz",
                ["graphql"] = "/api/graphql",
                ["site"] = "/",
            }));
        });
        return endpoints;
    }
}
