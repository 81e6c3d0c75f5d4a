using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Smile.Ingestion.Pipeline;
using Smile.Storage;

namespace Smile.Ingestion.Diagnostics;

/// <summary>
/// Sensor data coming in, by source (<c>mqtt</c>, <c>thethingsstack_webhook</c>, <c>sensorthings_http</c>, <c>replay</c>):
/// messages by outcome (<c>stored</c>, <c>duplicate</c>, <c>dead_letter</c>), observations stored, dead letters kept;
/// and, read when collected, the pipeline's queue length and the dead letters waiting for a replay.
/// </summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "Smile.Ingestion";
    public const string SourceTag = "smile.ingestion.source";

    private static readonly string[] SourceNames = ["mqtt", "thethingsstack_webhook", "sensorthings_http", "replay"];

    private readonly Counter<long> _messages;
    private readonly Counter<long> _stored;
    private readonly Counter<long> _deadLetters;

    public IngestionMetrics(IMeterFactory meters, IDbContextFactory<SmileDbContext> contexts)
    {
        var meter = meters.Create(MeterName);
        _messages = meter.CreateCounter<long>("smile.ingestion.messages", "{message}", "Messages received, by source and what became of them once committed.");
        _stored = meter.CreateCounter<long>("smile.ingestion.observations.stored", "{observation}", "Observations stored (redelivered ones not counted again).");
        _deadLetters = meter.CreateCounter<long>("smile.ingestion.dead_letters", "{message}", "Messages kept as dead letters.");
        meter.CreateObservableGauge("smile.ingestion.queue.length", () => QueueLength?.Invoke() ?? 0, "{message}", "Messages waiting for the next batch.");
        meter.CreateObservableGauge("smile.ingestion.dead_letters.waiting", () => WaitingDeadLetters(contexts), "{message}", "Dead letters not replayed yet.");
    }

    /// <summary>Set by the pipeline: its queue, read at collection time.</summary>
    internal Func<int>? QueueLength { get; set; }

    public void Committed(IngestionSource source, IngestionResult result, int stored)
    {
        var sourceTag = new KeyValuePair<string, object?>(SourceTag, SourceNames[(int)source]);
        _messages.Add(1, sourceTag, new KeyValuePair<string, object?>("smile.ingestion.outcome", result switch
        {
            IngestionResult.Stored => "stored",
            IngestionResult.Duplicate => "duplicate",
            _ => "dead_letter",
        }));
        if (stored > 0)
        {
            _stored.Add(stored, sourceTag);
        }

        if (result == IngestionResult.DeadLettered && source != IngestionSource.Replay)
        {
            _deadLetters.Add(1, sourceTag);
        }
    }

    private static Measurement<long>[] WaitingDeadLetters(IDbContextFactory<SmileDbContext> contexts)
    {
        try
        {
            using var db = contexts.CreateDbContext();
            return [new Measurement<long>(db.DeadLetters.LongCount(d => d.ReplayedAt == null))];
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return []; // the database is away: no figure rather than a wrong one
        }
    }
}
