using System.Text.Json;

namespace Smile.Site.Sources;

/// <summary>
/// Where the generator reads content: the public GraphQL API of a Smile CMS and nothing else, over HTTP
/// or in-process inside the CMS host. The generator never opens a CMS database or index.
/// </summary>
public interface IContentSource
{
    /// <summary>Runs one document and returns its <c>data</c>; an answer with errors throws <see cref="ContentSourceException"/>.</summary>
    Task<JsonElement> ExecuteAsync(ContentRequest request, CancellationToken cancellationToken);
}

/// <summary>One GraphQL document with the operation to run and its variables.</summary>
public sealed record ContentRequest(string Document, string OperationName, IReadOnlyDictionary<string, object?>? Variables = null);

/// <summary>The API refused a request or answered with errors; the message carries the API's words.</summary>
public sealed class ContentSourceException(string message, Exception? inner = null) : Exception(message, inner);
