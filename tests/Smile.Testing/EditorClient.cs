using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Smile.Testing;

/// <summary>
/// An editor's browser, reduced to HTTP: signs in on one node through the admin's sign-in form and sends the
/// cookie wherever it is pointed, posting forms with the page's anti-forgery token.
/// </summary>
public sealed partial class EditorClient : IDisposable
{
    public const string CookieName = "smile.auth";
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
    private readonly Dictionary<string, string> _cookies = [];

    public string? AuthCookie => _cookies.GetValueOrDefault(CookieName);

    public static async Task<EditorClient> SignInAsync(CmsNode node, string email, string password)
    {
        var client = new EditorClient();
        using var response = await client.PostFormAsync(node, "/admin/login", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect || client.AuthCookie is null)
        {
            throw new InvalidOperationException($"Signing in on node {node.Name} failed: {(int)response.StatusCode}.");
        }

        return client;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(CmsNode node, string path)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(node.Address, path)));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Fetches the form page for its anti-forgery token (from <paramref name="tokenFrom"/>, else the path) and posts the fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(CmsNode node, string path, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var (_, page) = await GetAsync(node, tokenFrom ?? path.Split('?')[0]);
        var pairs = fields.ToList();
        pairs.Add(new("__RequestVerificationToken", TokenPattern().Match(page) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"{path} on node {node.Name} has no anti-forgery token.")));
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(node.Address, path)) { Content = new FormUrlEncodedContent(pairs) });
    }

    /// <summary>Creates a news article through the admin's form; <paramref name="publish"/> saves and publishes in one go.</summary>
    public async Task<string> CreateNewsAsync(CmsNode node, string title, bool publish)
    {
        using var response = await PostFormAsync(node, "/admin/content/NewsArticle/new", new()
        {
            ["do"] = publish ? "publish" : "save",
            ["title"] = title,
            ["f.teaser"] = "Anriss zu " + title,
            ["f.body"] = "Text zu " + title,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Creating \"{title}\" on node {node.Name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1];
    }

    /// <summary>A GraphQL POST with the sign-in cookie and the header that shows it is no cross-site request.</summary>
    public async Task<JsonNode> GraphQLAsync(CmsNode node, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node.Address, "/api/graphql"))
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("GraphQL-Preflight", "1");
        using var response = await SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            _cookies[pair[0]] = pair[1];
        }

        request.Dispose();
        return response;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
