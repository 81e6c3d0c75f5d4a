using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Smile.Api.GraphQL.Diagnostics;

namespace Smile.Cms.FunctionalTests;

/// <summary>How the transport's one recording point turns a finished request into tags: exact counts, own meter factory.</summary>
[Collection(MetricsCollection.Name)]
public sealed class GraphQLMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    [Fact]
    public void A_304_counts_as_a_query_answered_from_the_cache()
    {
        var metrics = new GraphQLMetrics(Meters);
        using var requests = new MetricCollector<long>(Meters, GraphQLMetrics.MeterName, "smile.graphql.requests");
        using var hits = new MetricCollector<long>(Meters, GraphQLMetrics.MeterName, "smile.graphql.cache.hits");

        metrics.Handled(Finished("GET", StatusCodes.Status304NotModified), Stopwatch.GetTimestamp(), operation: null, persisted: true, faulted: false);

        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal("cache_hit", request.Tags["smile.graphql.outcome"]);
        Assert.Equal("query", request.Tags["graphql.operation.type"]);
        Assert.Equal("GET", request.Tags["http.request.method"]);
        Assert.Equal(true, request.Tags["smile.graphql.persisted"]);
        Assert.Equal(1, Assert.Single(hits.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public void Outcomes_follow_the_answer_rate_limits_refusals_and_failures_apart()
    {
        var metrics = new GraphQLMetrics(Meters);
        using var requests = new MetricCollector<long>(Meters, GraphQLMetrics.MeterName, "smile.graphql.requests");
        using var durations = new MetricCollector<double>(Meters, GraphQLMetrics.MeterName, "smile.graphql.request.duration");
        using var hits = new MetricCollector<long>(Meters, GraphQLMetrics.MeterName, "smile.graphql.cache.hits");

        metrics.Handled(Finished("POST", StatusCodes.Status200OK), Stopwatch.GetTimestamp(), OperationType.Mutation, persisted: false, faulted: false);
        metrics.Handled(Finished("POST", StatusCodes.Status429TooManyRequests), Stopwatch.GetTimestamp(), null, persisted: false, faulted: false);
        metrics.Handled(Finished("POST", StatusCodes.Status400BadRequest), Stopwatch.GetTimestamp(), null, persisted: false, faulted: false);
        metrics.Handled(Finished("POST", StatusCodes.Status200OK), Stopwatch.GetTimestamp(), OperationType.Query, persisted: false, faulted: true);

        Assert.Equal(
            ["success/mutation", "rate_limited/none", "client_error/none", "server_error/query"],
            requests.GetMeasurementSnapshot().Select(m => $"{m.Tags["smile.graphql.outcome"]}/{m.Tags["graphql.operation.type"]}"));
        Assert.Equal(4, durations.GetMeasurementSnapshot().Count);
        Assert.All(durations.GetMeasurementSnapshot(), d => Assert.True(d.Value >= 0));
        Assert.Empty(hits.GetMeasurementSnapshot());
    }

    [Fact]
    public void Recording_a_request_allocates_nothing_once_OpenTelemetry_has_seen_its_tags()
    {
        var metrics = new GraphQLMetrics(Meters);
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(GraphQLMetrics.MeterName).AddReader(new BaseExportingMetricReader(new DiscardingExporter())).Build();
        var http = Finished("POST", StatusCodes.Status200OK);
        for (var i = 0; i < 100; i++)
        {
            metrics.Handled(http, Stopwatch.GetTimestamp(), OperationType.Query, persisted: false, faulted: false);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            metrics.Handled(http, Stopwatch.GetTimestamp(), OperationType.Query, persisted: false, faulted: false);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    public void Dispose() => _services.Dispose();

    private sealed class DiscardingExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }

    private static DefaultHttpContext Finished(string method, int status)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Response.StatusCode = status;
        return http;
    }
}
