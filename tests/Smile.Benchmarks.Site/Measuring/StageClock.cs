using System.Diagnostics;
using Smile.Site.Building;

namespace Smile.Benchmarks.Site.Measuring;

/// <summary>Where one in-process build spent its time, read from the builder's progress reports as they happen.</summary>
internal sealed record Stages(double Total, double Fetch, double Plan, double Render, double Finish, int Rendered, int Written, int Fetched);

/// <summary>
/// Progress reports are synchronous calls from the builder: "fetch" 1/1 marks the end of fetching, the first and
/// the last "render" report bracket rendering (with minifying); the rest is writing, feeds, sitemap, link check and state.
/// </summary>
internal sealed class StageClock : IProgress<BuildProgress>
{
    private readonly Lock _lock = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _fetched;
    private long _firstRender;
    private long _lastRender;

    public void Report(BuildProgress value)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (value.Stage == "fetch" && value.Done == value.Total && value.Done > 0)
            {
                _fetched = now;
            }
            else if (value.Stage == "render")
            {
                _firstRender = _firstRender == 0 ? now : _firstRender;
                _lastRender = now;
            }
        }
    }

    public Stages Finish(BuildReport report)
    {
        var end = Stopwatch.GetTimestamp();
        double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;
        var fetched = _fetched == 0 ? _started : _fetched;
        var first = _firstRender == 0 ? end : _firstRender;
        var last = _lastRender == 0 ? first : _lastRender;
        return new Stages(Seconds(_started, end), Seconds(_started, fetched), Seconds(fetched, first), Seconds(first, last), Seconds(last, end),
            report.PagesRendered, report.FilesWritten.Count, report.ItemsFetched);
    }

    public static async Task<(BuildReport Report, Stages Stages)> BuildAsync(SiteBuilder builder)
    {
        var clock = new StageClock();
        builder.Progress = clock;
        var report = await builder.BuildAsync();
        builder.Progress = null;
        return (report, clock.Finish(report));
    }
}
