using Smile.Content.Observations;
using Smile.Storage.Observations;

namespace Smile.Ingestion.Tests;

public sealed class ObservationStoreTests(TestDatabases databases)
{
    private static readonly DateTime Start = new(2026, 3, 28, 22, 30, 0, DateTimeKind.Utc);

    private static ObservationWrite Reading(int minutes, double result, string datastream = Payloads.SoilMoisture) =>
        new(new Observation(datastream, Start.AddMinutes(minutes), result));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_redelivered_batch_is_stored_once_and_leaves_the_aggregates_as_they_were(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var store = db.Get<ObservationStore>();
        var reader = db.Get<IObservationReader>();
        ObservationWrite[] batch = [Reading(0, 20), Reading(10, 30), Reading(40, 40), Reading(40, 99)];

        var first = await store.WriteAsync(batch, []);
        var again = await store.WriteAsync([Reading(0, 20), Reading(10, 30), Reading(40, 40)], []);

        Assert.Equal((3, 1), (first.Stored, first.Duplicates));
        Assert.Equal((0, 3), (again.Stored, again.Duplicates));
        var hours = await reader.AggregatesAsync(new ObservationQuery { DatastreamId = Payloads.SoilMoisture }, ObservationResolution.Hour);
        Assert.Equal(
            [(Start.AddMinutes(-30), 2L, 20.0, 30.0, 25.0), (Start.AddMinutes(30), 1L, 40.0, 40.0, 40.0)],
            hours.Select(h => (h.BucketStart, h.Count, h.Minimum, h.Maximum, h.Mean)).ToArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Daily_aggregates_follow_Berlin_days_and_the_latest_value_the_newest_reading_whatever_the_arrival_order(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var store = db.Get<ObservationStore>();
        var reader = db.Get<IObservationReader>();

        // 22:30 UTC on 28 March is 23:30 in Berlin (winter time); 23:10 UTC is 01:10 on 29 March (summer time begins).
        await store.WriteAsync([Reading(40, 12), Reading(0, 10)], []);
        await store.WriteAsync([Reading(-60, 8)], []);

        var days = await reader.AggregatesAsync(new ObservationQuery { DatastreamId = Payloads.SoilMoisture }, ObservationResolution.Day);
        var latest = await reader.LatestAsync([Payloads.SoilMoisture, Payloads.SoilTemperature]);
        Assert.Equal(
            [(new DateTime(2026, 3, 27, 23, 0, 0, DateTimeKind.Utc), 2L, 9.0), (new DateTime(2026, 3, 28, 23, 0, 0, DateTimeKind.Utc), 1L, 12.0)],
            days.Select(d => (d.BucketStart, d.Count, d.Mean)).ToArray());
        Assert.Equal((Start.AddMinutes(40), 12.0), (latest[Payloads.SoilMoisture].PhenomenonTime, latest[Payloads.SoilMoisture].Result));
        Assert.False(latest.ContainsKey(Payloads.SoilTemperature));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_uplink_redelivered_under_its_frame_counter_is_dropped_even_if_its_time_differs(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var store = db.Get<ObservationStore>();

        await store.WriteAsync([Reading(0, 20) with { SourceKey = "tts:node:7:2026-03-28T22:30:00Z" }], []);
        var redelivered = await store.WriteAsync([Reading(1, 20) with { SourceKey = "tts:node:7:2026-03-28T22:30:00Z" }], []);

        Assert.Equal(0, redelivered.Stored);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Observations_are_read_in_a_half_open_range_in_either_order(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var store = db.Get<ObservationStore>();
        var reader = db.Get<IObservationReader>();
        await store.WriteAsync([.. Enumerable.Range(0, 10).Select(i => Reading(i, i))], []);

        var range = await reader.ListAsync(new ObservationQuery { DatastreamId = Payloads.SoilMoisture, From = Start.AddMinutes(2), To = Start.AddMinutes(5) });
        var newest = await reader.ListAsync(new ObservationQuery { DatastreamId = Payloads.SoilMoisture, Take = 2, NewestFirst = true });

        Assert.Equal([2.0, 3.0, 4.0], range.Select(o => o.Result));
        Assert.Equal([9.0, 8.0], newest.Select(o => o.Result));
    }
}
