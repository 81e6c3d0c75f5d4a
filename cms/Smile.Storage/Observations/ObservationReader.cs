using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Smile.Content.Observations;

namespace Smile.Storage.Observations;

public sealed class ObservationReader(IDbContextFactory<SmileDbContext> contexts) : IObservationReader
{
    public async Task<IReadOnlyDictionary<string, Observation>> LatestAsync(IReadOnlyCollection<string> datastreamIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<LatestObservationRow>().AsNoTracking().Where(l => datastreamIds.Contains(l.DatastreamId)).ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.DatastreamId,
            r => new Observation(r.DatastreamId, UnixMs.ToDateTime(r.PhenomenonTimeMs), r.Result, UnixMs.ToDateTime(r.ResultTimeMs)),
            StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Observation>> ListAsync(ObservationQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<ObservationRow>().AsNoTracking().Where(o => o.DatastreamId == query.DatastreamId);
        if (query.From is { } from)
        {
            var fromMs = UnixMs.From(from);
            rows = rows.Where(o => o.PhenomenonTimeMs >= fromMs);
        }

        if (query.To is { } to)
        {
            var toMs = UnixMs.From(to);
            rows = rows.Where(o => o.PhenomenonTimeMs < toMs);
        }

        rows = query.NewestFirst ? rows.OrderByDescending(o => o.PhenomenonTimeMs) : rows.OrderBy(o => o.PhenomenonTimeMs);
        var page = await rows.Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return [.. page.Select(r => new Observation(
            r.DatastreamId,
            UnixMs.ToDateTime(r.PhenomenonTimeMs),
            r.Result,
            UnixMs.ToDateTime(r.ResultTimeMs),
            r.Parameters is null ? null : JsonNode.Parse(r.Parameters) as JsonObject))];
    }

    public async Task<IReadOnlyList<ObservationAggregate>> AggregatesAsync(ObservationQuery query, ObservationResolution resolution, CancellationToken cancellationToken = default)
    {
        var code = resolution switch
        {
            ObservationResolution.Hour => ObservationAggregateRow.Hour,
            ObservationResolution.Day => ObservationAggregateRow.Day,
            _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Raw observations are read with ListAsync."),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<ObservationAggregateRow>().AsNoTracking().Where(a => a.DatastreamId == query.DatastreamId && a.Resolution == code);
        if (query.From is { } from)
        {
            // A bucket that began before From still holds readings inside the range: include it.
            var fromMs = UnixMs.From(resolution == ObservationResolution.Hour ? ObservationBuckets.HourStart(from) : ObservationBuckets.DayStart(from));
            rows = rows.Where(a => a.BucketStartMs >= fromMs);
        }

        if (query.To is { } to)
        {
            var toMs = UnixMs.From(to);
            rows = rows.Where(a => a.BucketStartMs < toMs);
        }

        rows = query.NewestFirst ? rows.OrderByDescending(a => a.BucketStartMs) : rows.OrderBy(a => a.BucketStartMs);
        var page = await rows.Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return [.. page.Select(a => new ObservationAggregate(UnixMs.ToDateTime(a.BucketStartMs), a.ObservationCount, a.Minimum, a.Maximum, a.Total / a.ObservationCount))];
    }
}
