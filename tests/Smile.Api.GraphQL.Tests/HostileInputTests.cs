using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;

namespace Smile.Api.GraphQL.Tests;

/// <summary>
/// What the internet throws at a public GraphQL endpoint. Every rejection is a 4xx with a GraphQL error
/// that names the problem, and never a stack trace.
/// </summary>
public sealed class HostileInputTests(SharedCms shared) : IClassFixture<SharedCms>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_depth_bomb_through_relations_is_refused_with_a_clear_400(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var bomb = "{ newsArticles { nodes { " + Repeat("relatedProjects { news { ", 8) + "title" + Repeat(" } }", 8) + " } } }";

        var answer = await cms.PostQueryAsync(bomb);

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "too nested");
        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "is 12");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_depth_bomb_through_introspection_ofType_chains_is_refused_with_a_clear_400(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var bomb = "{ __schema { types { fields { type { " + Repeat("ofType { ", 20) + "name" + Repeat(" }", 20) + " } } } } }";

        var answer = await cms.PostQueryAsync(bomb);

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "too nested");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Introspection_that_asks_for_more_than_the_schema_once_fails_the_complexity_budget(string provider)
    {
        var cms = await shared.GetAsync(provider);
        const string fanOut = """{ __type(name: "Query") { fields { type { ofType { fields { type { ofType { fields { type { ofType { name } } } } } } } } } } }""";
        const string twice = "{ a: __schema { types { fields { args { type { name } } } } } b: __schema { types { fields { args { type { name } } } } } }";

        ApiCalls.AssertRefused(await cms.PostQueryAsync(fanOut), HttpStatusCode.BadRequest, "too complex");
        ApiCalls.AssertRefused(await cms.PostQueryAsync(twice), HttpStatusCode.BadRequest, "too complex");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_document_nested_deeper_than_the_parser_allows_is_refused_over_GET_and_POST(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var bomb = Repeat("{ a ", 200) + Repeat("}", 200);

        ApiCalls.AssertRefused(await cms.PostQueryAsync(bomb), HttpStatusCode.BadRequest, "depth");
        ApiCalls.AssertRefused(await cms.GetQueryAsync(bomb), HttpStatusCode.BadRequest, "depth");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_thousand_aliases_of_typename_are_refused_by_the_alias_cap(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var flood = "{ " + string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"a{i}: __typename")) + " }";

        var answer = await cms.PostQueryAsync(flood);

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "more than 50 aliases");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sixty_aliases_of_a_list_field_are_refused_by_the_alias_cap(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var flood = "{ " + string.Join(' ', Enumerable.Range(0, 60).Select(i => $"n{i}: newsArticles(first: 100) {{ nodes {{ title tags {{ title }} }} }}")) + " }";

        var answer = await cms.PostQueryAsync(flood);

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "aliases");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_fragment_cycle_is_refused_before_anything_walks_it(string provider)
    {
        var cms = await shared.GetAsync(provider);

        var answer = await cms.PostQueryAsync("""
            { newsArticles { nodes { ...A } } }
            fragment A on NewsArticle { relatedProjects { news { ...B } } }
            fragment B on NewsArticle { title ...A }
            """);

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "Cannot spread fragment 'A' within itself");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_page_size_of_a_million_is_refused(string provider)
    {
        var cms = await shared.GetAsync(provider);

        var literal = await cms.PostQueryAsync("{ newsArticles(first: 1000000) { nodes { title } } }");
        var variable = await cms.PostQueryAsync("query($first: Int) { newsArticles(first: $first) { nodes { title } } }", new { first = 1_000_000 });

        ApiCalls.AssertRefused(literal, HttpStatusCode.BadRequest, "first must be between 0 and 100, not 1000000");
        ApiCalls.AssertRefused(variable, HttpStatusCode.BadRequest, "first must be between 0 and 100, not 1000000");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_negative_page_size_is_refused(string provider)
    {
        var cms = await shared.GetAsync(provider);

        var answer = await cms.PostQueryAsync("{ newsArticles(first: -1) { nodes { title } } }");

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "first must be between 0 and 100, not -1");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_variable_of_the_wrong_type_is_refused_naming_the_variable(string provider)
    {
        var cms = await shared.GetAsync(provider);

        var answer = await cms.PostQueryAsync("query($first: Int) { newsArticles(first: $first) { totalCount } }", new { first = "abc" });

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "$first");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_body_that_is_not_JSON_is_refused_with_the_position_of_the_error(string provider)
    {
        var cms = await shared.GetAsync(provider);

        var answer = await cms.PostBodyAsync("{\"query\": \"{ __typename }\",", "application/json");

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task JSON_bodies_of_the_wrong_shape_are_refused(string provider)
    {
        var cms = await shared.GetAsync(provider);

        ApiCalls.AssertRefused(await cms.PostBodyAsync("42", "application/json"), HttpStatusCode.BadRequest, "must be a JSON object");
        ApiCalls.AssertRefused(await cms.PostBodyAsync("[1, 2]", "application/json"), HttpStatusCode.BadRequest, "Every request in a batch must be a JSON object");
        ApiCalls.AssertRefused(await cms.PostBodyAsync("{\"query\": 5}", "application/json"), HttpStatusCode.BadRequest, "query (string)");
        ApiCalls.AssertRefused(await cms.PostBodyAsync("{\"query\": \"{ __typename }\", \"variables\": [1]}", "application/json"), HttpStatusCode.BadRequest, "variables (object)");
        ApiCalls.AssertRefused(await cms.PostBodyAsync("{}", "application/json"), HttpStatusCode.BadRequest, "no query and no documentId");
        ApiCalls.AssertRefused(await cms.PostBodyAsync("", "application/json"), HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_ten_megabyte_body_is_refused_with_413(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var padding = new string('x', 10 * 1024 * 1024);

        var body = "{\"query\": \"{ __typename }\", \"variables\": {\"pad\": \"" + padding + "\"}}";

        var announced = await cms.PostBodyAsync(body, "application/json");
        var chunked = await cms.SendAsync(new HttpRequestMessage(HttpMethod.Post, ApiCalls.Endpoint) { Content = new UnsizedContent(body) });

        ApiCalls.AssertRefused(announced, HttpStatusCode.RequestEntityTooLarge, "larger than 262144 bytes");
        ApiCalls.AssertRefused(chunked, HttpStatusCode.RequestEntityTooLarge, "larger than 262144 bytes");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_unknown_field_is_refused_naming_the_field(string provider)
    {
        var cms = await shared.GetAsync(provider);

        var answer = await cms.PostQueryAsync("{ newsArticles { nodes { title colour } } }");

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "colour");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SQL_in_a_filter_is_only_text_and_matches_nothing(string provider)
    {
        var cms = await shared.GetAsync(provider);

        foreach (var filter in new[] { "title: \"x' OR '1'='1\"", "title_contains: \"%\"", "title_contains: \"_\"", "title_starts_with: \"%' OR 1=1 --\"", "tags: { slug_in: [\"x' OR '1'='1\"] }", "relatedProjects: { id_in: [\"'; DROP TABLE content_items; --\"] }" })
        {
            var answer = await cms.PostQueryAsync($$"""{ newsArticles(where: { {{filter}} }) { totalCount nodes { id } } }""");

            Assert.True(answer.Status == HttpStatusCode.OK, $"{filter}: {answer.Text}");
            Assert.Equal(0, answer.Data!["newsArticles"]!["totalCount"]!.GetValue<int>());
            Assert.Empty(answer.Data!["newsArticles"]!["nodes"]!.AsArray());
        }

        var all = await cms.PostQueryAsync("{ newsArticles { totalCount } }");
        Assert.True(all.Data!["newsArticles"]!["totalCount"]!.GetValue<int>() >= 6, "the news are all still there");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_after_cursor_the_API_never_handed_out_is_refused(string provider)
    {
        var cms = await shared.GetAsync(provider);

        foreach (var cursor in new[] { "not-a-cursor", "bzotNQ==", Convert.ToBase64String(Encoding.UTF8.GetBytes("x:5")) })
        {
            var answer = await cms.PostQueryAsync("query($after: String) { newsArticles(after: $after) { nodes { title } } }", new { after = cursor });

            ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, $"'{cursor}' is not a cursor this API handed out");
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_media_url_wider_than_any_derivative_is_refused(string provider)
    {
        // The seed has no media; an item with a hero image lets the query reach the url resolver.
        var cms = await shared.GetAsync(provider);
        var id = "news-mit-titelbild";
        await cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, async editor =>
        {
            if (await cms.Services.GetRequiredService<IContentReader>().GetItemAsync(id) is null)
            {
                await editor.CreateAsync("NewsArticle", "de", new ContentInput
                {
                    Title = "Ein Beitrag mit Titelbild",
                    Fields = new JsonObject
                    {
                        ["teaser"] = "Mit einem Bild vom Stadthafen.",
                        ["heroImage"] = new JsonObject { ["mediaId"] = "stadthafen-jpg", ["alt"] = "Der Stadthafen im Abendlicht" },
                    },
                }, id);
                await editor.PublishAsync(id);
            }
        });

        var fine = await cms.PostQueryAsync("""{ newsArticle(id: "news-mit-titelbild") { heroImage { alt url(width: 640) } } }""");
        var answer = await cms.PostQueryAsync("""{ newsArticle(id: "news-mit-titelbild") { heroImage { url(width: 100000) } } }""");

        Assert.Equal(HttpStatusCode.OK, fine.Status);
        Assert.Equal("/media/stadthafen-jpg/640.webp", fine.Data!["newsArticle"]!["heroImage"]!["url"]!.GetValue<string>());
        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "width must be between 16 and 1920 pixels, not 100000");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_three_level_list_explosion_fails_the_complexity_budget(string provider)
    {
        var cms = await shared.GetAsync(provider);

        var answer = await cms.PostQueryAsync("{ newsArticles(first: 100) { nodes { relatedProjects { news { tags { title } } } } } }");

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "too complex");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Ordinary_queries_stay_within_the_limits(string provider)
    {
        var cms = await shared.GetAsync(provider);
        string[] ordinary =
        [
            // ListQueryTests' query
            "{ newsArticles(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { title path tags { __typename title } } } }",
            // the site's news list: a full page with images, tags and projects
            "{ newsArticles(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { id title path publishedAt teaser heroImage { url(width: 640) srcset alt } tags { title path } relatedProjects { title path } localizations { culture path } } } }",
            // a project page with its news and their tags
            "{ project(id: \"project-hafensport\") { title summary districts { title } news { title path tags { title } } places { title location { lat lon } } } }",
            // the standard introspection query every GraphQL tool sends, GraphiQL among them
            KnownQueries.Introspection,
        ];

        foreach (var query in ordinary)
        {
            var answer = await cms.PostQueryAsync(query);

            Assert.True(answer.Status == HttpStatusCode.OK, $"{answer.Status}: {answer.Text[..Math.Min(answer.Text.Length, 500)]}");
            Assert.Null(answer.Json!["errors"]);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task No_persisted_example_trips_the_depth_complexity_or_alias_limits(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var folder = Path.Combine(AppContext.BaseDirectory, "api-schema");
        var documents = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.graphql", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "schema.graphql").ToList()
            : [];

        foreach (var document in documents)
        {
            var answer = await cms.PostQueryAsync(await File.ReadAllTextAsync(document));

            Assert.True(answer.Status != HttpStatusCode.InternalServerError, $"{Path.GetFileName(document)}: {answer.Text}");
            Assert.DoesNotContain(answer.Messages, m => m.Contains("too complex", StringComparison.Ordinal) || m.Contains("too nested", StringComparison.Ordinal) || m.Contains("aliases", StringComparison.Ordinal));
        }
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    /// <summary>A JSON body sent without Content-Length (chunked), so only reading it shows how big it is.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(string text)
        {
            _bytes = Encoding.UTF8.GetBytes(text);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>One seeded CMS per provider for a test class whose tests only read, or add items no other test counts.</summary>
public sealed class SharedCms(TestDatabases databases) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RunningCms>>> _running = new();

    public Task<RunningCms> GetAsync(string provider) =>
        _running.GetOrAdd(provider, p => new Lazy<Task<RunningCms>>(() => RunningCms.StartAsync(databases, p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var running in _running.Values.Where(r => r.IsValueCreated))
        {
            await (await running.Value).DisposeAsync();
        }
    }
}

/// <summary>An answer as an HTTP client sees it: status, headers, the body as text and, when it is JSON, parsed.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string Text, JsonNode? Json, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public JsonNode? Data => (Json as JsonObject)?["data"];

    public IReadOnlyList<string> Messages =>
        (Json as JsonObject)?["errors"] is JsonArray errors ? [.. errors.Select(e => e?["message"]?.GetValue<string>() ?? "")] : [];

    public string? MediaType => ContentHeaders.ContentType?.MediaType;

    public string? ETag => Headers.ETag?.ToString();
}

public static class ApiCalls
{
    public const string Endpoint = "/api/graphql";

    public static Task<ApiAnswer> PostQueryAsync(this RunningCms cms, string query, object? variables = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = JsonContent.Create(new { query, variables }) };
        configure?.Invoke(request);
        return cms.SendAsync(request);
    }

    public static Task<ApiAnswer> PostBodyAsync(this RunningCms cms, string body, string mediaType, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        configure?.Invoke(request);
        return cms.SendAsync(request);
    }

    public static Task<ApiAnswer> GetQueryAsync(this RunningCms cms, string query, string? variables = null, string? operationName = null, Action<HttpRequestMessage>? configure = null)
    {
        var url = Endpoint + "?query=" + Uri.EscapeDataString(query)
            + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(variables))
            + (operationName is null ? "" : "&operationName=" + Uri.EscapeDataString(operationName));
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        return cms.SendAsync(request);
    }

    public static async Task<ApiAnswer> SendAsync(this RunningCms cms, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await cms.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            JsonNode? json = null;
            try
            {
                json = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // not JSON: the text tells
            }

            return new ApiAnswer(response.StatusCode, text, json, response.Headers, response.Content.Headers);
        }
    }

    /// <summary>A 4xx with a GraphQL error naming the problem, and nothing of the server's insides.</summary>
    public static void AssertRefused(ApiAnswer answer, HttpStatusCode status, string problem)
    {
        var shown = answer.Text.Length > 1000 ? answer.Text[..1000] + "…" : answer.Text;
        Assert.True(answer.Status == status, $"Expected {(int)status}, got {(int)answer.Status}: {shown}");
        Assert.True(answer.Messages.Count > 0, $"Expected a GraphQL error body, got: {shown}");
        Assert.True(answer.Messages.Any(m => m.Contains(problem, StringComparison.OrdinalIgnoreCase)), $"No error names '{problem}': {shown}");
        Assert.DoesNotContain("   at ", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", answer.Text, StringComparison.Ordinal);
    }
}

/// <summary>Queries real clients send.</summary>
public static class KnownQueries
{
    /// <summary>graphql-js getIntrospectionQuery() with its defaults: what GraphiQL 3 (served at /api/graphql) and most tools send.</summary>
    public const string Introspection = """
        query IntrospectionQuery {
          __schema {
            queryType { name }
            mutationType { name }
            subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }

        fragment FullType on __Type {
          kind
          name
          description
          fields(includeDeprecated: true) {
            name
            description
            args { ...InputValue }
            type { ...TypeRef }
            isDeprecated
            deprecationReason
          }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }

        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue
        }

        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
        }
        """;
}
