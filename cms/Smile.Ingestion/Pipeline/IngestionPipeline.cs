using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smile.Ingestion.Datastreams;
using Smile.Ingestion.Diagnostics;
using Smile.Ingestion.Parsing;
using Smile.Storage.Observations;

namespace Smile.Ingestion.Pipeline;

/// <summary>
/// Every way in submits here. Messages wait in a bounded queue (a full queue makes the sender wait, so a burst
/// costs time, not memory); one writer takes whatever has gathered, up to a batch, parses it and commits it in
/// one transaction, then completes each message's task. Senders acknowledge upstream only when that task is
/// done: nothing acknowledged is ever uncommitted. A failing database is retried, never skipped.
/// </summary>
public sealed partial class IngestionPipeline : BackgroundService
{
    private readonly Channel<Pending> _queue;
    private readonly ObservationStore _store;
    private readonly DatastreamCatalog _catalog;
    private readonly IngestionOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<IngestionPipeline> _logger;
    private readonly IngestionMetrics? _metrics;

    public IngestionPipeline(ObservationStore store, DatastreamCatalog catalog, IOptions<IngestionOptions> options, TimeProvider clock, ILogger<IngestionPipeline> logger, IngestionMetrics? metrics = null)
    {
        _metrics = metrics;
        _store = store;
        _catalog = catalog;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Math.Max(1, _options.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        metrics?.QueueLength = () => _queue.Reader.Count;
    }

    private sealed record Pending(IngestionMessage Message, TaskCompletionSource<IngestionOutcome> Done);

    /// <summary>
    /// Queues a message, waiting while the queue is full. The returned task completes once the message's batch
    /// is committed, or is cancelled if the host stops first (then the message must not be acknowledged).
    /// </summary>
    public async ValueTask<Task<IngestionOutcome>> SubmitAsync(IngestionMessage message, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(message, new TaskCompletionSource<IngestionOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return pending.Done.Task;
    }

    /// <summary>Submits and waits for the commit: for senders that answer per message (HTTP).</summary>
    public async Task<IngestionOutcome> IngestAsync(IngestionMessage message, CancellationToken cancellationToken = default) =>
        await (await SubmitAsync(message, cancellationToken)).WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // While one batch commits (the database's time), the next is gathered and parsed (the CPU's time).
        // Commits stay one at a time and in order.
        List<Pending> committing = [];
        List<Pending> next = [];
        Task commit = Task.CompletedTask;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                next = new List<Pending>(_options.BatchSize);
                while (next.Count < _options.BatchSize && _queue.Reader.TryRead(out var pending))
                {
                    next.Add(pending);
                }

                var parsed = await TryParseAsync(next, stoppingToken);
                await commit;
                committing = next;
                next = [];
                commit = CommitAsync(committing, parsed, stoppingToken);
            }

            await commit;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The commit under way stops with the host; what it did not complete stays unacknowledged.
            await commit.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var pending in committing.Concat(next))
            {
                pending.Done.TrySetCanceled(stoppingToken);
            }

            while (_queue.Reader.TryRead(out var pending))
            {
                pending.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>Parses ahead of the commit; null when the datastreams could not be read (the commit then tries again).</summary>
    private async Task<List<(Pending Pending, ParseResult Result)>?> TryParseAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await ParseAsync(batch, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task CommitAsync(List<Pending> batch, List<(Pending Pending, ParseResult Result)>? parsed, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                parsed ??= await ParseAsync(batch, cancellationToken);
                var stored = await _store.WriteAsync(
                    [.. parsed.SelectMany(p => p.Result.Observations)],
                    [.. parsed.Where(p => !p.Result.IsValid && p.Pending.Message.ReplayOf is null).Select(p => DeadLetterOf(p.Pending.Message, p.Result.Error!))],
                    [.. parsed.Where(p => p.Result.IsValid && p.Pending.Message.ReplayOf is not null).Select(p => p.Pending.Message.ReplayOf!.Value)],
                    cancellationToken);
                Complete(parsed, stored);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Nothing of the batch is acknowledged yet: keep it and try again, slower each time, parsed afresh
                // (the cause may have been the datastreams, or a datastream may exist by now).
                parsed = null;
                LogCommitFailed(_logger, batch.Count, delay, ex);
                await Task.Delay(delay, _clock, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task<List<(Pending Pending, ParseResult Result)>> ParseAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        var datastreams = await _catalog.CurrentAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        var parsed = new List<(Pending, ParseResult)>(batch.Count);
        foreach (var pending in batch)
        {
            parsed.Add((pending, Parse(pending.Message, datastreams, now)));
        }

        return parsed;
    }

    public ParseResult Parse(IngestionMessage message, IReadOnlyDictionary<string, DatastreamInfo> datastreams, DateTime now)
    {
        try
        {
            return message.Format switch
            {
                MessageFormat.TheThingsStack => TheThingsStackParser.Parse(message.Address, message.Payload.Span, _options.TheThingsStack, datastreams, now, _options.FutureTolerance),
                _ => SensorThingsParser.Parse(message.Address, message.Payload.Span, datastreams, now, _options.FutureTolerance),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A parser bug must cost one message (kept as a dead letter), not the module.
            LogParserFailed(_logger, message.Address, ex);
            return ParseResult.Fail($"The message could not be read: {ex.Message}");
        }
    }

    // PostgreSQL text cannot hold NUL: a payload with one must not block the batch it is in forever.
    private static DeadLetter DeadLetterOf(IngestionMessage message, string reason) =>
        new(message.Format.ToString(), WithoutNul(message.Address), WithoutNul(Encoding.UTF8.GetString(message.Payload.Span)), WithoutNul(reason));

    private static string WithoutNul(string text) => text.Replace("\0", "\\u0000", StringComparison.Ordinal);

    private void Complete(List<(Pending Pending, ParseResult Result)> parsed, StoredBatch stored)
    {
        var inserted = new HashSet<ObservationWrite>(stored.Inserted, ReferenceEqualityComparer.Instance);
        foreach (var (pending, result) in parsed)
        {
            if (!result.IsValid)
            {
                LogDeadLetter(_logger, pending.Message.Address, result.Error!);
                _metrics?.Committed(pending.Message.Source, IngestionResult.DeadLettered, 0);
                pending.Done.TrySetResult(IngestionOutcome.DeadLettered(result.Error!));
                continue;
            }

            var count = result.Observations.Count(inserted.Contains);
            _metrics?.Committed(pending.Message.Source, count == 0 ? IngestionResult.Duplicate : IngestionResult.Stored, count);
            pending.Done.TrySetResult(new IngestionOutcome(count == 0 ? IngestionResult.Duplicate : IngestionResult.Stored, count));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Committing {Count} messages failed; retrying in {Delay}")]
    private static partial void LogCommitFailed(ILogger logger, int count, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading a message from {Address} failed")]
    private static partial void LogParserFailed(ILogger logger, string address, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead letter from {Address}: {Reason}")]
    private static partial void LogDeadLetter(ILogger logger, string address, string reason);
}
