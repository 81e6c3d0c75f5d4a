using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Smile.Storage.Outbox;

/// <summary>
/// Outbox lag per follower as observable gauges: <c>smile.outbox.lag</c> (events behind the head) and
/// <c>smile.outbox.lag.age</c> (seconds the oldest unread event has waited), tagged with the follower's name
/// (<c>search@node-1</c>, <c>site-preview@node-1</c>, <c>webhooks</c>). One database read serves all gauges of a collection.
/// </summary>
public sealed partial class OutboxMetrics
{
    public const string MeterName = "Smile.Outbox";
    public const string FollowerTag = "smile.outbox.follower";

    // Gauges are collected one after another; a second read for the next gauge of the same collection buys nothing.
    private static readonly TimeSpan SnapshotLifetime = TimeSpan.FromMilliseconds(250);

    private readonly OutboxLagReader _reader;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxMetrics> _logger;
    private readonly Lock _gate = new();
    private OutboxLag _last = OutboxLag.None;

    public OutboxMetrics(IMeterFactory meters, OutboxLagReader reader, TimeProvider clock, ILogger<OutboxMetrics> logger)
    {
        _reader = reader;
        _clock = clock;
        _logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("smile.outbox.head", () => new Measurement<long>(Current().Head), "{event}", "The newest outbox sequence number.");
        meter.CreateObservableGauge("smile.outbox.lag", () => Current().Followers.Select(f => new Measurement<long>(f.Events, new KeyValuePair<string, object?>(FollowerTag, f.Follower))), "{event}", "Events a follower of the outbox has not read yet.");
        meter.CreateObservableGauge("smile.outbox.lag.age", () => Current().Followers.Select(f => new Measurement<double>(f.OldestUnreadAge.TotalSeconds, new KeyValuePair<string, object?>(FollowerTag, f.Follower))), "s", "How long the oldest event a follower has not read has waited.");
    }

    private OutboxLag Current()
    {
        lock (_gate)
        {
            if (_clock.GetUtcNow() - _last.ReadAt < SnapshotLifetime)
            {
                return _last;
            }

            try
            {
                _last = _reader.Read();
            }
            catch (Exception ex)
            {
                // A scrape while the database is away reports no lag rather than failing every other metric.
                LogReadFailed(_logger, ex);
                return OutboxLag.None;
            }

            return _last;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox lag could not be read for metrics")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
