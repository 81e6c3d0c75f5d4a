using System.Diagnostics.Metrics;

namespace Smile.Cms.Publishing;

/// <summary><c>smile.scheduler.publications</c>: items the scheduler published; <c>smile.scheduler.runs</c>: its looks at what is due, by outcome.</summary>
public sealed class ScheduledPublishingMetrics
{
    public const string MeterName = "Smile.Scheduler";

    private readonly Counter<long> _publications;
    private readonly Counter<long> _runs;

    public ScheduledPublishingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _publications = meter.CreateCounter<long>("smile.scheduler.publications", "{item}", "Items published because their scheduled time had come.");
        _runs = meter.CreateCounter<long>("smile.scheduler.runs", "{run}", "Looks at the scheduled publications, by outcome (success, failed).");
    }

    public void Ran(int published)
    {
        _runs.Add(1, new KeyValuePair<string, object?>("smile.scheduler.outcome", "success"));
        if (published > 0)
        {
            _publications.Add(published);
        }
    }

    public void Failed() => _runs.Add(1, new KeyValuePair<string, object?>("smile.scheduler.outcome", "failed"));
}
