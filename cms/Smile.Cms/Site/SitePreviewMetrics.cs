using System.Diagnostics.Metrics;
using Smile.Content.Diagnostics;

namespace Smile.Cms.Site;

/// <summary>
/// The site preview's builds: <c>smile.site.builds</c> and <c>smile.site.build.duration</c> by outcome
/// (<c>changed</c>, <c>unchanged</c>, <c>failed</c>), and <c>smile.site.pages.written</c>.
/// </summary>
public sealed class SitePreviewMetrics
{
    public const string MeterName = "Smile.Site";

    private readonly Counter<long> _builds;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _pages;

    public SitePreviewMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _builds = meter.CreateCounter<long>("smile.site.builds", "{build}", "Site preview builds by outcome.");
        _duration = meter.CreateHistogram("smile.site.build.duration", "s", "How long a site preview build took, the search index included.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets.Jobs });
        _pages = meter.CreateCounter<long>("smile.site.pages.written", "{page}", "Pages the site preview wrote (changed pages only: builds are incremental).");
    }

    public void Built(string outcome, TimeSpan duration, int pagesWritten)
    {
        var tag = new KeyValuePair<string, object?>("smile.site.outcome", outcome);
        _builds.Add(1, tag);
        _duration.Record(duration.TotalSeconds, tag);
        if (pagesWritten > 0)
        {
            _pages.Add(pagesWritten);
        }
    }
}
