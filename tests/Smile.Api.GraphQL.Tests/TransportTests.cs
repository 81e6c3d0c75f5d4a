using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Smile.Api.GraphQL.Execution;
using Smile.Api.GraphQL.Schema;
using Smile.Content.Editing;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Storage.ApiKeys;

namespace Smile.Api.GraphQL.Tests;

/// <summary>GraphQL over HTTP as clients, browsers and caches speak it.</summary>
public sealed partial class TransportTests(TestDatabases databases, SharedCms shared) : IClassFixture<SharedCms>
{
    private const string NewsQuery = "{ newsArticles(first: 1) { nodes { title } } }";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Fact]
    public async Task A_GET_with_query_variables_and_operationName_runs_the_named_operation()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);

        var answer = await cms.GetQueryAsync(
            "query Other { __typename } query News($n: Int) { newsArticles(first: $n) { totalCount nodes { title } } }",
            variables: """{"n": 2}""",
            operationName: "News");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(2, answer.Data!["newsArticles"]!["nodes"]!.AsArray().Count);
        Assert.Null(answer.Data["__typename"]);
    }

    [Fact]
    public async Task A_GET_with_variables_that_are_not_JSON_is_refused()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);

        var answer = await cms.GetQueryAsync("query($n: Int) { newsArticles(first: $n) { totalCount } }", variables: "{n: 2");

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "variables parameter must be a JSON object");
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);

        var answer = await cms.GetQueryAsync("mutation { x }");

        ApiCalls.AssertRefused(answer, HttpStatusCode.MethodNotAllowed, "Mutations are not allowed over GET");
        Assert.Contains("POST", answer.ContentHeaders.Allow);
    }

    [Fact]
    public async Task An_application_graphql_POST_body_runs_as_the_query()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);

        var answer = await cms.PostBodyAsync("{ newsArticles(first: 1) { totalCount nodes { title } } }", "application/graphql");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Data!["newsArticles"]!["totalCount"]!.GetValue<int>() >= 6);
    }

    [Fact]
    public async Task An_unsupported_content_type_is_refused_with_415()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);

        var answer = await cms.PostBodyAsync("query=%7B__typename%7D", "application/x-www-form-urlencoded");

        ApiCalls.AssertRefused(answer, HttpStatusCode.UnsupportedMediaType, "Send application/json (or application/graphql)");
    }

    [Fact]
    public async Task A_batch_of_two_answers_with_an_array_of_two()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);

        var answer = await cms.PostBodyAsync("""[{"query": "{ __typename }"}, {"query": "{ newsArticles(first: 1) { totalCount } }"}]""", "application/json");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var results = Assert.IsType<JsonArray>(answer.Json);
        Assert.Equal(2, results.Count);
        Assert.Equal("Query", results[0]!["data"]!["__typename"]!.GetValue<string>());
        Assert.True(results[1]!["data"]!["newsArticles"]!["totalCount"]!.GetValue<int>() >= 6);
    }

    [Fact]
    public async Task A_batch_over_the_cap_is_refused_naming_the_cap()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);
        var batch = "[" + string.Join(',', Enumerable.Repeat("""{"query": "{ __typename }"}""", 11)) + "]";

        var answer = await cms.PostBodyAsync(batch, "application/json");

        ApiCalls.AssertRefused(answer, HttpStatusCode.BadRequest, "A batch holds at most 10 requests, not 11");
    }

    [Fact]
    public async Task An_anonymous_GET_is_cacheable_and_revalidates_with_an_empty_304()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);

        var first = await cms.GetQueryAsync(NewsQuery);
        var again = await cms.GetQueryAsync(NewsQuery, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", first.ETag));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(first.Headers.CacheControl is { Public: true, MaxAge: not null }, $"Cache-Control: {first.Headers.CacheControl}");
        Assert.Equal(TimeSpan.FromSeconds(30), first.Headers.CacheControl!.MaxAge);
        Assert.NotNull(first.Headers.ETag);
        Assert.False(first.Headers.ETag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
        Assert.Equal("", again.Text);
        Assert.Equal(first.ETag, again.ETag);
    }

    [Fact]
    public async Task The_ETag_differs_for_different_variables_and_is_not_given_to_callers_with_a_key()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);
        const string query = "query($n: Int) { newsArticles(first: $n) { nodes { title } } }";
        var key = await cms.Services.GetRequiredService<ApiKeyService>().CreateAsync("Website-Build", new HashSet<Permission> { Permission.ViewContent }, "system");

        var one = await cms.GetQueryAsync(query, variables: """{"n": 1}""");
        var two = await cms.GetQueryAsync(query, variables: """{"n": 2}""");
        var withKey = await cms.GetQueryAsync(query, variables: """{"n": 1}""", configure: r => r.Headers.Add("X-Api-Key", key.Secret));
        var post = await cms.PostQueryAsync(query, new { n = 1 });

        Assert.NotNull(one.ETag);
        Assert.NotNull(two.ETag);
        Assert.NotEqual(one.ETag, two.ETag);
        Assert.Equal(HttpStatusCode.OK, withKey.Status);
        Assert.Null(withKey.ETag);
        Assert.True(withKey.Headers.CacheControl?.NoStore, "answers for a key are nobody else's");
        Assert.True(post.Headers.CacheControl?.NoStore);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_ETag_changes_after_a_publish(string provider)
    {
        var cms = await shared.GetAsync(provider);
        const string query = "{ videos(first: 20) { totalCount nodes { id title } } }";
        var before = await cms.GetQueryAsync(query);
        var stillFresh = await cms.GetQueryAsync(query, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", before.ETag));

        await cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, e => e.PublishAsync("video-smart-country-convention-2025"));
        var after = await cms.GetQueryAsync(query);
        var revalidated = await cms.GetQueryAsync(query, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", before.ETag));

        Assert.Equal(HttpStatusCode.NotModified, stillFresh.Status);
        Assert.DoesNotContain(before.Data!["videos"]!["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == "video-smart-country-convention-2025");
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Contains(after.Data!["videos"]!["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == "video-smart-country-convention-2025");
        Assert.Equal(HttpStatusCode.OK, revalidated.Status);
        Assert.Equal(after.ETag, revalidated.ETag);
        Assert.Equal(after.Text, revalidated.Text);
    }

    [Fact]
    public async Task Anonymous_reads_are_open_to_every_origin_and_preflights_answer_204()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);

        var read = await cms.GetQueryAsync(NewsQuery, configure: r => r.Headers.Add("Origin", "https://www.luebeck.de"));
        var refused = await cms.PostBodyAsync("x", "text/plain", r => r.Headers.Add("Origin", "https://www.luebeck.de"));
        using var preflight = new HttpRequestMessage(HttpMethod.Options, ApiCalls.Endpoint);
        preflight.Headers.Add("Origin", "https://www.luebeck.de");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type, graphql-preflight");
        var answer = await cms.SendAsync(preflight);

        Assert.Equal("*", Single(read.Headers, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Single(read.Headers, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
        Assert.Equal("*", Single(refused.Headers, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal("", answer.Text);
        Assert.Equal("*", Single(answer.Headers, "Access-Control-Allow-Origin"));
        var methods = Single(answer.Headers, "Access-Control-Allow-Methods");
        Assert.Contains("GET", methods, StringComparison.Ordinal);
        Assert.Contains("POST", methods, StringComparison.Ordinal);
        var headers = Single(answer.Headers, "Access-Control-Allow-Headers");
        Assert.Contains("Content-Type", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("GraphQL-Preflight", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Authorization", headers, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Clients_that_accept_only_JSON_get_application_json_and_others_the_GraphQL_media_type()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);
        Action<HttpRequestMessage> plainJson = r => r.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var json = await cms.PostQueryAsync(NewsQuery, configure: plainJson);
        var jsonError = await cms.PostQueryAsync("{ nothingHere }", configure: plainJson);
        var jsonTransportError = await cms.PostBodyAsync("[", "application/json", plainJson);
        var byDefault = await cms.PostQueryAsync(NewsQuery);
        var both = await cms.PostQueryAsync(NewsQuery, configure: r => r.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json, application/json;q=0.9"));

        Assert.True(json.MediaType == "application/json", $"an answer with data: {json.MediaType}");
        Assert.True(jsonError.MediaType == "application/json", $"a GraphQL error: {jsonError.MediaType}");
        Assert.True(jsonTransportError.MediaType == "application/json", $"a transport error: {jsonTransportError.MediaType}");
        Assert.Equal(HttpStatusCode.BadRequest, jsonTransportError.Status);
        Assert.Equal("application/graphql-response+json", byDefault.MediaType);
        Assert.Equal("application/graphql-response+json", both.MediaType);
        Assert.Equal("utf-8", byDefault.ContentHeaders.ContentType!.CharSet);
    }

    [Fact]
    public void Persisted_documents_are_addressed_by_the_SHA_256_of_their_text()
    {
        var folder = Path.Combine(Path.GetTempPath(), "smile-docs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(folder, "site"));
        try
        {
            const string news = "query News { newsArticles { nodes { title } } }\n";
            const string page = "query Page($path: String!) { page(path: $path) { title } }\n";
            File.WriteAllText(Path.Combine(folder, "news.graphql"), news);
            File.WriteAllText(Path.Combine(folder, "site", "page.graphql"), page);
            File.WriteAllText(Path.Combine(folder, "schema.graphql"), "type Query { x: Int }\n");
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a document");

            var documents = PersistedDocuments.FromFolders(folder, Path.Combine(folder, "missing"));

            Assert.Equal(2, documents.Count);
            Assert.Matches("^sha256:[0-9a-f]{64}$", PersistedDocuments.IdOf(news));
            Assert.True(documents.TryGet(PersistedDocuments.IdOf(news), out var found));
            Assert.Equal(news, found);
            Assert.True(documents.TryGet(PersistedDocuments.IdOf(page), out _));
            Assert.False(documents.TryGet(PersistedDocuments.IdOf("type Query { x: Int }\n"), out _));
            Assert.False(documents.TryGet("sha256:" + new string('0', 64), out _));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_executor_runs_a_persisted_document_by_id_and_refuses_plain_queries_when_told_to()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);
        const string document = "{ newsArticles(first: 3) { nodes { title } } }";
        var reader = cms.Services.GetRequiredService<IContentReader>();
        var executor = new GraphQLExecutor(
            cms.Services.GetRequiredService<SchemaService>(),
            reader,
            new PersistedDocuments([document]),
            Options.Create(new ApiOptions { PersistedDocumentsOnly = true }),
            NullLogger<GraphQLExecutor>.Instance);
        var state = await reader.StateAsync();

        var byId = await executor.ExecuteAsync(new GraphQLRequest { DocumentId = PersistedDocuments.IdOf(document) }, Actor.Anonymous, state);
        var plain = await executor.ExecuteAsync(new GraphQLRequest { Query = document }, Actor.Anonymous, state);
        var previewer = await executor.ExecuteAsync(new GraphQLRequest { Query = document }, new Actor("apikey:vorschau", new HashSet<Permission> { Permission.ViewContent, Permission.PreviewDrafts }), state);

        Assert.True(byId.Executed);
        Assert.True(byId.Errors is null or { Count: 0 });
        Assert.NotNull(byId.Data);
        Assert.False(plain.Executed);
        Assert.Equal(ApiErrors.Forbidden, Assert.Single(plain.Errors!).Code);
        Assert.Contains("persisted documents only", plain.Errors![0].Message, StringComparison.Ordinal);
        Assert.True(previewer.Errors is null or { Count: 0 });
    }

    [Fact]
    public async Task A_persisted_document_from_api_schema_runs_by_its_id_and_an_unknown_id_is_refused_by_name()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);
        var documents = ShippedDocuments();
        Assert.NotEmpty(documents);
        var unknown = "sha256:" + new string('a', 64);

        foreach (var text in documents)
        {
            var byId = await cms.SendAsync(new HttpRequestMessage(HttpMethod.Get, ApiCalls.Endpoint + "?documentId=" + Uri.EscapeDataString(PersistedDocuments.IdOf(text))));
            var asQuery = await cms.PostQueryAsync(text);

            Assert.Equal(asQuery.Status, byId.Status);
            Assert.Equal(asQuery.Text, byId.Text);
        }

        ApiCalls.AssertRefused(await cms.PostBodyAsync($$"""{"documentId": "{{unknown}}"}""", "application/json"), HttpStatusCode.BadRequest, $"No persisted document has the id '{unknown}'");
        ApiCalls.AssertRefused(
            await cms.SendAsync(new HttpRequestMessage(HttpMethod.Get, ApiCalls.Endpoint + "?documentId=sha256%3Anope")),
            HttpStatusCode.BadRequest,
            "No persisted document has the id 'sha256:nope'");
    }

    [Fact]
    public async Task With_persisted_documents_only_anonymous_plain_queries_get_403_while_document_ids_and_keys_pass()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?> { ["Smile:Api:PersistedDocumentsOnly"] = "true" });
        var key = await cms.Services.GetRequiredService<ApiKeyService>().CreateAsync("Vorschau", new HashSet<Permission> { Permission.ViewContent, Permission.PreviewDrafts }, "system");

        var post = await cms.PostQueryAsync(NewsQuery);
        var get = await cms.GetQueryAsync(NewsQuery);
        var withKey = await cms.PostQueryAsync(NewsQuery, configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret));
        var byId = new List<ApiAnswer>();
        foreach (var text in ShippedDocuments())
        {
            byId.Add(await cms.PostBodyAsync(new JsonObject { ["documentId"] = PersistedDocuments.IdOf(text) }.ToJsonString(), "application/json"));
        }

        ApiCalls.AssertRefused(post, HttpStatusCode.Forbidden, "persisted documents only");
        ApiCalls.AssertRefused(get, HttpStatusCode.Forbidden, "send a documentId");
        Assert.Equal(HttpStatusCode.OK, withKey.Status);
        Assert.NotEmpty(byId);
        Assert.All(byId, a => Assert.DoesNotContain(a.Messages, m => m.Contains("persisted documents only", StringComparison.Ordinal)));
        Assert.Contains(byId, a => a.Status == HttpStatusCode.OK && a.Data is JsonObject);
    }

    [Fact]
    public async Task The_fourth_request_in_a_minute_answers_429_with_Retry_After()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?> { ["Smile:Api:RequestsPerMinutePerClient"] = "3" });
        var key = await cms.Services.GetRequiredService<ApiKeyService>().CreateAsync("Sensorik", new HashSet<Permission> { Permission.ViewContent }, "system");

        var allowed = new List<ApiAnswer>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add(await cms.PostQueryAsync("{ __typename }"));
        }

        var fourth = await cms.PostQueryAsync("{ __typename }");
        var madeUpKey = await cms.PostQueryAsync("{ __typename }", configure: r => r.Headers.Add("X-Api-Key", "smile_madeup_key"));
        var realKey = await cms.PostQueryAsync("{ __typename }", configure: r => r.Headers.Add("X-Api-Key", key.Secret));

        Assert.All(allowed, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        ApiCalls.AssertRefused(fourth, (HttpStatusCode)429, "Too many requests");
        var retryAfter = fourth.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {fourth.Headers.RetryAfter}");
        Assert.Contains($"try again in {(int)retryAfter!.Value.TotalSeconds} seconds", fourth.Messages[0], StringComparison.Ordinal);
        ApiCalls.AssertRefused(madeUpKey, (HttpStatusCode)429, "Too many requests");
        Assert.Equal(HttpStatusCode.OK, realKey.Status);
    }

    [Fact]
    public async Task GraphiQL_is_served_with_every_asset_from_the_CMS_itself()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiCalls.Endpoint);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        var page = await cms.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.DoesNotContain("://", page.Text, StringComparison.Ordinal);
        var references = AssetReference().Matches(page.Text).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(references, r => r.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(references, r => r.EndsWith(".js", StringComparison.Ordinal));
        foreach (var reference in references)
        {
            Assert.StartsWith("/", reference, StringComparison.Ordinal);
            Assert.False(reference.StartsWith("//", StringComparison.Ordinal), reference);
            var asset = await cms.SendAsync(new HttpRequestMessage(HttpMethod.Get, reference));
            Assert.True(asset.Status == HttpStatusCode.OK, $"{reference}: {asset.Status}");
            Assert.Equal(reference.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", asset.MediaType);
            Assert.True(asset.Text.Length > 100, $"{reference} is nearly empty");
        }

        var missing = await cms.SendAsync(new HttpRequestMessage(HttpMethod.Get, ApiCalls.Endpoint + "/ide/..%2F..%2FSmile.Cms.dll"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task GraphiQL_loads_the_schema_with_the_introspection_query_it_sends()
    {
        var cms = await shared.GetAsync(TestDatabases.Sqlite);

        var answer = await cms.PostQueryAsync(KnownQueries.Introspection, configure: r => r.Headers.Add("GraphQL-Preflight", "1"));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.Text[..Math.Min(answer.Text.Length, 500)]);
        Assert.Equal("Query", answer.Data!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
        Assert.Contains(answer.Data!["__schema"]!["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "NewsArticle");
    }

    /// <summary>The persisted documents the host registered at start: every <c>*.graphql</c> under its output's api-schema folder.</summary>
    private static List<string> ShippedDocuments()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "api-schema");
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.graphql", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "schema.graphql").Order(StringComparer.Ordinal).Select(File.ReadAllText)]
            : [];
    }

    private static string Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"The answer has no {name} header.");

    [GeneratedRegex("(?:src|href)=\"([^\"]*)\"")]
    private static partial Regex AssetReference();
}
