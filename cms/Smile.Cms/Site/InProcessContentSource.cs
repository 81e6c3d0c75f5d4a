using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Smile.Api.GraphQL.Execution;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Site.Sources;

namespace Smile.Cms.Site;

/// <summary>
/// The site generator's content source inside the CMS: the same executor, schema and limits as
/// <c>/api/graphql</c>, as an anonymous caller (published content only), without the HTTP round trip.
/// </summary>
public sealed class InProcessContentSource(GraphQLExecutor executor, IContentReader reader) : IContentSource
{
    private static readonly GraphQLSerializer Serializer = new();

    public async Task<JsonElement> ExecuteAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        var state = await reader.StateAsync(cancellationToken);
        var result = await executor.ExecuteAsync(new GraphQLRequest
        {
            Query = request.Document,
            OperationName = request.OperationName,
            Variables = request.Variables is null ? null : new Inputs(request.Variables.ToDictionary(v => v.Key, v => v.Value)),
        }, Actor.Anonymous, state, cancellationToken);
        using var document = JsonDocument.Parse(Serializer.Serialize(result));
        return GraphQLAnswer.Data(document.RootElement, request.OperationName);
    }
}
