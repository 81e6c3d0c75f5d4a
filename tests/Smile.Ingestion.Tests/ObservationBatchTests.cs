using Smile.Content.Observations;
using Smile.Storage.Observations;

namespace Smile.Ingestion.Tests;

/// <summary>What each database's batch writer must agree on: duplicates by either key, aggregates, latest values, the counter.</summary>
public sealed class ObservationBatchTests(TestDatabases databases)
{
    private static readonly DateTime Start = new(2026, 3, 28, 20, 0, 0, DateTimeKind.Utc);

    private static ObservationWrite Reading(string datastream, int seconds, double result, string? sourceKey = null) =>
        new(new Observation(datastream, Start.AddSeconds(seconds), result), sourceKey);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Duplicates_inside_one_batch_and_across_batches_are_stored_once_by_either_key_and_the_first_one_wins(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var store = db.Get<ObservationStore>();
        var reader = db.Get<IObservationReader>();
        var first = Reading(Payloads.SoilMoisture, 0, 10);
        var twin = Reading(Payloads.SoilMoisture, 0, 99);
        var uplink = Reading(Payloads.SoilMoisture, 60, 11, "tts:node:1:frame-7");
        var sameUplinkOtherTime = Reading(Payloads.SoilMoisture, 61, 98, "tts:node:1:frame-7");
        var otherDatastream = Reading(Payloads.SoilTemperature, 0, 5, "tts:node:1:frame-7");

        var one = await store.WriteAsync([first, twin, uplink, sameUplinkOtherTime, otherDatastream], []);
        var newer = Reading(Payloads.SoilMoisture, 120, 12);
        var two = await store.WriteAsync([Reading(Payloads.SoilMoisture, 0, 97), Reading(Payloads.SoilMoisture, 90, 96, "tts:node:1:frame-7"), newer], []);

        Assert.Equal([first, uplink, otherDatastream], one.Inserted);
        Assert.Equal(2, one.Duplicates);
        Assert.Equal([newer], two.Inserted);
        Assert.Equal(2, two.Duplicates);
        var stored = await reader.ListAsync(new ObservationQuery { DatastreamId = Payloads.SoilMoisture });
        Assert.Equal([(Start, 10.0), (Start.AddSeconds(60), 11.0), (Start.AddSeconds(120), 12.0)], stored.Select(o => (o.PhenomenonTime, o.Result)));
        var hour = Assert.Single(await reader.AggregatesAsync(new ObservationQuery { DatastreamId = Payloads.SoilMoisture }, ObservationResolution.Hour));
        Assert.Equal((3L, 10.0, 12.0, 11.0), (hour.Count, hour.Minimum, hour.Maximum, hour.Mean));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task After_many_batches_with_redeliveries_the_aggregates_and_latest_values_equal_a_recomputation_from_the_stored_rows(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var store = db.Get<ObservationStore>();
        var reader = db.Get<IObservationReader>();
        string[] datastreams = [Payloads.SoilMoisture, Payloads.SoilTemperature, Payloads.Lendings];
        var random = new Random(20260329);
        var batchesWithNewRows = 0L;
        var before = (await db.Reader.StateAsync()).ObservationBatches;

        // Three days across the switch to summer time (29 March), out of order, every batch partly a redelivery.
        for (var batch = 0; batch < 30; batch++)
        {
            var rows = Enumerable.Range(0, 300)
                .Select(_ => Reading(datastreams[random.Next(3)], random.Next(0, 3 * 24 * 3600 / 30) * 30, Math.Round(random.NextDouble() * 100 - 20, 2)))
                .ToList();
            var result = await store.WriteAsync(rows, []);
            batchesWithNewRows += result.Stored > 0 ? 1 : 0;
            Assert.Equal(rows.Count, result.Stored + result.Duplicates);
        }

        Assert.Equal(before + batchesWithNewRows, (await db.Reader.StateAsync()).ObservationBatches);
        foreach (var datastream in datastreams)
        {
            var stored = await reader.ListAsync(new ObservationQuery { DatastreamId = datastream, Take = int.MaxValue });
            Assert.NotEmpty(stored);
            AssertSame(Recompute(stored, ObservationBuckets.HourStart), await reader.AggregatesAsync(new ObservationQuery { DatastreamId = datastream, Take = int.MaxValue }, ObservationResolution.Hour));
            AssertSame(Recompute(stored, ObservationBuckets.DayStart), await reader.AggregatesAsync(new ObservationQuery { DatastreamId = datastream, Take = int.MaxValue }, ObservationResolution.Day));
            var latest = (await reader.LatestAsync([datastream]))[datastream];
            var newest = stored.MaxBy(o => o.PhenomenonTime)!;
            Assert.Equal((newest.PhenomenonTime, newest.Result), (latest.PhenomenonTime, latest.Result));
        }
    }

    private static List<ObservationAggregate> Recompute(IEnumerable<Observation> stored, Func<DateTime, DateTime> bucket) =>
        [.. stored.GroupBy(o => bucket(o.PhenomenonTime)).OrderBy(g => g.Key)
            .Select(g => new ObservationAggregate(g.Key, g.Count(), g.Min(o => o.Result), g.Max(o => o.Result), g.Average(o => o.Result)))];

    private static void AssertSame(IReadOnlyList<ObservationAggregate> expected, IReadOnlyList<ObservationAggregate> actual)
    {
        Assert.Equal(
            expected.Select(a => (a.BucketStart, a.Count, a.Minimum, a.Maximum)),
            actual.Select(a => (a.BucketStart, a.Count, a.Minimum, a.Maximum)));

        // Sums are added up in another order than here: equal up to rounding.
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Mean, pair.Second.Mean, 9));
    }
}
