using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Smile.Site.Sources;

/// <summary>The GraphQL endpoint of any Smile CMS, over HTTP; its media come from the same host.</summary>
public sealed class HttpContentSource(HttpClient http, Uri endpoint) : IContentSource, IMediaSource
{
    public Uri Endpoint { get; } = endpoint;

    private const int Attempts = 5;

    public async Task<JsonElement> ExecuteAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        for (var attempt = 1; ; attempt++)
        {
            response = await SendAsync(request, cancellationToken);
            // The API limits requests per client: a big site waits as it is told rather than failing.
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == Attempts)
            {
                break;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(attempt);
            response.Dispose();
            await Task.Delay(wait < TimeSpan.FromMinutes(1) ? wait : TimeSpan.FromMinutes(1), cancellationToken);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                throw new ContentSourceException($"The content API at {Endpoint} answered {(int)response.StatusCode} without a GraphQL response ({request.OperationName}).", e);
            }

            using (document)
            {
                return GraphQLAnswer.Data(document.RootElement, request.OperationName);
            }
        }
    }

    public async Task<bool> CopyMediaAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(Endpoint, path), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ContentSourceException($"The CMS answered {(int)response.StatusCode} for {path}.");
        }

        await response.Content.CopyToAsync(destination, cancellationToken);
        return true;
    }

    private async Task<HttpResponseMessage> SendAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = JsonContent.Create(new { query = request.Document, operationName = request.OperationName, variables = request.Variables }),
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
        try
        {
            return await http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ContentSourceException($"The content API at {Endpoint} cannot be reached: {e.Message}", e);
        }
    }
}

/// <summary>Reads a GraphQL response: its data, or its errors as one exception.</summary>
public static class GraphQLAnswer
{
    public static JsonElement Data(JsonElement response, string operationName)
    {
        if (response.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var messages = errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : e.ToString());
            throw new ContentSourceException($"The content API refused {operationName}: {string.Join(" ", messages)}");
        }

        if (!response.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new ContentSourceException($"The content API answered {operationName} without data.");
        }

        return data.Clone();
    }
}
