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
/// <c>/api/graphql</c>, without the HTTP round trip. The public site reads as an anonymous caller (published
/// content only); a draft preview reads as the editor who asked for it.
/// </summary>
public sealed class InProcessContentSource(GraphQLExecutor executor, IContentReader reader, Actor actor) : IContentSource
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
        }, actor, state, cancellationToken);
        using var document = JsonDocument.Parse(Serializer.Serialize(result));
        return GraphQLAnswer.Data(document.RootElement, request.OperationName);
    }
}
