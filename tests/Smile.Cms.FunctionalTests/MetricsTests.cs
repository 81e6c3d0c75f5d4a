using System.Net;
using System.Net.Http.Headers;
using Smile.Api.GraphQL.Execution;
using Smile.Testing;

namespace Smile.Cms.FunctionalTests;

/// <summary>
/// The Prometheus endpoint over the real host: scrapes before and after requests, compared exactly.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(TestDatabases databases)
{
    private const string NewsQuery = "{ newsArticles(first: 1) { totalCount } }";

    private static readonly Dictionary<string, string?> PrometheusOn = new() { ["Smile:Telemetry:Prometheus:Enabled"] = "true" };

    [Fact]
    public async Task Scraping_after_GraphQL_requests_shows_the_request_counter_and_latency_histogram_by_operation_method_and_persistence()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, PrometheusOn);
        (string, string)[] posted = [("graphql_operation_type", "query"), ("http_request_method", "POST"), ("smile_graphql_persisted", "false"), ("smile_graphql_outcome", "success")];
        (string, string)[] persisted = [("graphql_operation_type", "query"), ("http_request_method", "GET"), ("smile_graphql_persisted", "true"), ("smile_graphql_outcome", "success")];
        var before = await PrometheusSamples.ScrapeAsync(cms.Client);

        Assert.Null((await cms.QueryAsync(NewsQuery)).Errors);
        var document = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "api-schema", "examples", "latest-news.graphql"));
        using (var get = await cms.Client.GetAsync(new Uri($"/api/graphql?documentId={Uri.EscapeDataString(PersistedDocuments.IdOf(document))}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        }

        var after = await PrometheusSamples.ScrapeAsync(cms.Client);
        Assert.True(after.Sum("smile_graphql_requests_total", posted) == before.Sum("smile_graphql_requests_total", posted) + 1, "POST not counted once:\n" + Lines(after, "smile_graphql_requests_total"));
        Assert.True(after.Sum("smile_graphql_requests_total", persisted) == before.Sum("smile_graphql_requests_total", persisted) + 1, "persisted GET not counted once:\n" + Lines(after, "smile_graphql_requests_total"));
        Assert.Equal(before.Sum("smile_graphql_request_duration_seconds_count", posted) + 1, after.Sum("smile_graphql_request_duration_seconds_count", posted));
        Assert.True(after.Sum("smile_graphql_request_duration_seconds_sum", posted) > 0);
        var buckets = after.Find("smile_graphql_request_duration_seconds_bucket", posted);
        Assert.Contains(buckets, b => b.Labels["le"] == "0.005");
        Assert.Contains(buckets, b => b.Labels["le"] == "10");
        Assert.Contains(buckets, b => b.Labels["le"] == "+Inf" && b.Value >= 1);
    }

    [Fact]
    public async Task A_revalidated_GET_answered_304_from_its_ETag_counts_as_a_cache_hit()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, PrometheusOn);
        var address = new Uri("/api/graphql?query=" + Uri.EscapeDataString(NewsQuery), UriKind.Relative);
        using var first = await cms.Client.GetAsync(address);
        var before = await PrometheusSamples.ScrapeAsync(cms.Client);

        using var again = new HttpRequestMessage(HttpMethod.Get, address);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var revalidated = await cms.Client.SendAsync(again);
        var after = await PrometheusSamples.ScrapeAsync(cms.Client);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(before.Sum("smile_graphql_cache_hits_total", ("http_request_method", "GET")) + 1, after.Sum("smile_graphql_cache_hits_total", ("http_request_method", "GET")));
        Assert.Equal(before.Sum("smile_graphql_requests_total", ("smile_graphql_outcome", "cache_hit")) + 1, after.Sum("smile_graphql_requests_total", ("smile_graphql_outcome", "cache_hit"), ("graphql_operation_type", "query")));
    }

    private static string Lines(PrometheusSamples samples, string name) =>
        string.Join("\n", samples.Find(name).Select(s => string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}")) + " " + s.Value));

    [Fact]
    public async Task The_metrics_endpoint_is_absent_unless_enabled()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);

        using var response = await cms.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_configured_bearer_token_keeps_scrapers_without_it_out_and_the_path_is_configurable()
    {
        const string Token = "scrape-token-0123456789";
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?>(PrometheusOn)
        {
            ["Smile:Telemetry:Prometheus:Path"] = "/internal/metrics",
            ["Smile:Telemetry:Prometheus:BearerToken"] = Token,
        });

        using var anonymous = await cms.Client.GetAsync(new Uri("/internal/metrics", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/internal/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "guessed") } };
        using var wrongAnswer = await cms.Client.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/internal/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };
        using var rightAnswer = await cms.Client.SendAsync(right);
        using var oldPath = await cms.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightAnswer.StatusCode);
        Assert.Contains("smile_outbox_head", await rightAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, oldPath.StatusCode);
    }

    [Fact]
    public async Task Scrapes_from_outside_the_allowed_networks_are_refused()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?>(PrometheusOn)
        {
            ["Smile:Telemetry:Prometheus:AllowedNetworks:0"] = "10.20.0.0/16",
        });

        using var response = await cms.Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
