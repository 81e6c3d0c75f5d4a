using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Smile.Cms.ScaleOutTests;

/// <summary>The public API as a reader's app calls it: anonymous GETs (cacheable, with ETags) and POSTs.</summary>
public static class AnonymousGraphQL
{
    private static readonly HttpClient Http = new();

    public sealed record Answer(HttpStatusCode Status, string? ETag, JsonNode? Body);

    public static async Task<Answer> GetAsync(CmsNode node, string query, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node.Address, "/api/graphql?query=" + Uri.EscapeDataString(query)));
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Headers.ETag?.ToString(), text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static async Task<JsonNode> PostAsync(CmsNode node, string query)
    {
        using var content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(node.Address, "/api/graphql"), content);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
