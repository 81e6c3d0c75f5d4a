using System.Diagnostics;
using System.Diagnostics.Metrics;
using Smile.Content.Diagnostics;
using Smile.Content.Searching;

namespace Smile.Search.Diagnostics;

/// <summary>Search queries: <c>smile.search.queries</c> and <c>smile.search.query.duration</c>, by scope and whether anything matched.</summary>
public sealed class SearchMetrics
{
    public const string MeterName = "Smile.Search";

    private readonly Counter<long> _queries;
    private readonly Histogram<double> _duration;

    public SearchMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _queries = meter.CreateCounter<long>("smile.search.queries", "{query}", "Search queries answered.");
        _duration = meter.CreateHistogram("smile.search.query.duration", "s", "How long a search query took, waiting for fresh indexes included.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets.Requests });
    }

    public void Searched(SearchScope scope, SearchResult result, long startedTimestamp)
    {
        var tags = new TagList
        {
            { "smile.search.scope", scope == SearchScope.Published ? "published" : "latest" },
            { "smile.search.outcome", result.TotalCount == 0 ? "no_match" : result.Fuzzy ? "fuzzy_match" : "match" },
        };
        _queries.Add(1, tags);
        _duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
    }
}
