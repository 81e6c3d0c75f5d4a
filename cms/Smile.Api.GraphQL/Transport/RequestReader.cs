using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace Smile.Api.GraphQL.Transport;

/// <summary>Reads GraphQL-over-HTTP requests: GET query strings, JSON bodies (single or batched), application/graphql bodies.</summary>
internal static class RequestReader
{
    public sealed record Parsed(IReadOnlyList<GraphQLRequest> Requests, bool IsBatch, string CacheKey);

    public sealed class BadRequestException(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }

    public static Parsed FromQueryString(IQueryCollection query, GraphQLSerializer serializer)
    {
        var variables = query["variables"].ToString();
        var extensions = query["extensions"].ToString();
        var request = new GraphQLRequest
        {
            Query = NullIfEmpty(query["query"]),
            OperationName = NullIfEmpty(query["operationName"]),
            DocumentId = NullIfEmpty(query["documentId"]),
            Variables = variables.Length == 0 ? null : Json<Inputs>(serializer, variables, "variables"),
            Extensions = extensions.Length == 0 ? null : Json<Inputs>(serializer, extensions, "extensions"),
        };
        var key = string.Join('\u001f', query["query"], query["documentId"], query["operationName"], variables, extensions);
        return new Parsed([request], false, key);
    }

    public static async Task<Parsed> FromBodyAsync(HttpRequest http, GraphQLSerializer serializer, long maxBytes, CancellationToken cancellationToken)
    {
        var mediaType = http.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var body = await ReadBodyAsync(http, maxBytes, cancellationToken);

        if (mediaType == "application/graphql")
        {
            return new Parsed([new GraphQLRequest { Query = body }], false, body);
        }

        if (mediaType != "application/json")
        {
            throw new BadRequestException(StatusCodes.Status415UnsupportedMediaType, "Send application/json (or application/graphql) with POST.");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new BadRequestException(StatusCodes.Status400BadRequest, $"The body is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}).");
        }

        return root.ValueKind switch
        {
            JsonValueKind.Object => new Parsed([Read(serializer, root)], false, body),
            JsonValueKind.Array => new Parsed([.. root.EnumerateArray().Select(e => Read(serializer, e))], true, body),
            _ => throw new BadRequestException(StatusCodes.Status400BadRequest, "The body must be a JSON object (or an array of them for a batch)."),
        };
    }

    /// <summary>
    /// The body, refused beyond <paramref name="maxBytes"/>. The transport also lowers the server's own limit, but
    /// not every server offers one (the test server does not) or lets it change once reading started: the cap holds here.
    /// </summary>
    private static async Task<string> ReadBodyAsync(HttpRequest http, long maxBytes, CancellationToken cancellationToken)
    {
        if (http.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk.AsSpan(0, read));
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static BadRequestException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes} bytes.");

    private static GraphQLRequest Read(GraphQLSerializer serializer, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new BadRequestException(StatusCodes.Status400BadRequest, "Every request in a batch must be a JSON object.");
        }

        try
        {
            return serializer.ReadNode<GraphQLRequest>(element) ?? throw new BadRequestException(StatusCodes.Status400BadRequest, "Empty request.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            throw new BadRequestException(StatusCodes.Status400BadRequest, "The request does not have the GraphQL-over-HTTP shape: query (string), variables (object), operationName (string), extensions (object), documentId (string).");
        }
    }

    private static T? Json<T>(GraphQLSerializer serializer, string text, string name)
    {
        try
        {
            return serializer.Deserialize<T>(text);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            throw new BadRequestException(StatusCodes.Status400BadRequest, $"The {name} parameter must be a JSON object.");
        }
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 || string.IsNullOrEmpty(value[0]) ? null : value[0];
}
