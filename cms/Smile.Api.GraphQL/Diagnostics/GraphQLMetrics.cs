using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Smile.Content.Diagnostics;

namespace Smile.Api.GraphQL.Diagnostics;

/// <summary>
/// GraphQL over HTTP: <c>smile.graphql.requests</c> and <c>smile.graphql.request.duration</c> by operation type,
/// transport (<c>http.request.method</c> GET or POST), persisted document or not, and outcome; and
/// <c>smile.graphql.cache.hits</c>, the 304s answered from the ETag without executing. Recording allocates nothing:
/// tag values are constants and the tags live on the stack.
/// </summary>
public sealed class GraphQLMetrics
{
    public const string MeterName = "Smile.GraphQL";

    private static readonly object Persisted = true;
    private static readonly object NotPersisted = false;

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _cacheHits;

    public GraphQLMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("smile.graphql.requests", "{request}", "GraphQL requests over HTTP, by operation type, method, persisted or not, and outcome.");
        _duration = meter.CreateHistogram("smile.graphql.request.duration", "s", "How long a GraphQL request over HTTP took to answer.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets.Requests });
        _cacheHits = meter.CreateCounter<long>("smile.graphql.cache.hits", "{request}", "Requests answered 304 Not Modified from their ETag, without executing.");
    }

    /// <summary>Records one request once its response status is set.</summary>
    /// <param name="operation">The executed operation's type; null when nothing was executed.</param>
    /// <param name="faulted">An exception is leaving the handler (the server answers 500, or the client went away).</param>
    public void Handled(HttpContext http, long startedTimestamp, OperationType? operation, bool persisted, bool faulted)
    {
        var status = http.Response.StatusCode;
        var outcome = faulted
            ? http.RequestAborted.IsCancellationRequested ? "aborted" : "server_error"
            : status switch
            {
                StatusCodes.Status304NotModified => "cache_hit",
                StatusCodes.Status429TooManyRequests => "rate_limited",
                < 300 => "success",
                < 500 => "client_error",
                _ => "server_error",
            };
        var tags = new TagList
        {
            { "graphql.operation.type", operation switch { OperationType.Query => "query", OperationType.Mutation => "mutation", OperationType.Subscription => "subscription", _ => status == StatusCodes.Status304NotModified ? "query" : "none" } },
            { "http.request.method", HttpMethods.IsGet(http.Request.Method) ? "GET" : "POST" },
            { "smile.graphql.persisted", persisted ? Persisted : NotPersisted },
            { "smile.graphql.outcome", outcome },
        };
        _requests.Add(1, tags);
        _duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
        if (status == StatusCodes.Status304NotModified && !faulted)
        {
            _cacheHits.Add(1, tags);
        }
    }
}
