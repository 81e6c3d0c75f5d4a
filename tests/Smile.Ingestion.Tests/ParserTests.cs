using System.Text;
using Smile.Ingestion.Datastreams;
using Smile.Ingestion.Parsing;

namespace Smile.Ingestion.Tests;

public sealed class ParserTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, DatastreamInfo> Datastreams = new()
    {
        [Payloads.SoilMoisture] = new(Payloads.SoilMoisture, "station-dierkow", "measurement"),
        [Payloads.SoilTemperature] = new(Payloads.SoilTemperature, "station-dierkow", "measurement"),
        [Payloads.Lendings] = new(Payloads.Lendings, "station-hafensport-ausleihbox", "count"),
    };

    private static readonly TheThingsStackOptions Mapping = new()
    {
        Devices = { ["dierkow-node-1"] = new TheThingsStackDevice { Datastreams = { ["soil_moisture"] = Payloads.SoilMoisture, ["soil_temperature"] = Payloads.SoilTemperature } } },
    };

    private static ParseResult Sta(string address, string json) => SensorThingsParser.Parse(address, Encoding.UTF8.GetBytes(json), Datastreams, Now, Tolerance);

    private static ParseResult Tts(string json) => TheThingsStackParser.Parse("v3/smile-dierkow@ttn/devices/dierkow-node-1/up", Encoding.UTF8.GetBytes(json), Mapping, Datastreams, Now, Tolerance);

    [Fact]
    public void A_SensorThings_observation_names_its_datastream_by_topic_or_by_body()
    {
        var byTopic = Sta(Payloads.Topic(Payloads.SoilMoisture), Payloads.Observation(Now.AddMinutes(-5), 23.5));
        var byBody = Sta("v1.1/Observations", $$$"""{"phenomenonTime": "2026-05-01T11:00:00Z", "result": 7, "Datastream": {"@iot.id": "{{{Payloads.Lendings}}}"}, "parameters": {"depth": "10cm"}}""");

        Assert.True(byTopic.IsValid, byTopic.Error);
        Assert.Equal((Payloads.SoilMoisture, 23.5), (byTopic.Observations[0].Observation.DatastreamId, byTopic.Observations[0].Observation.Result));
        Assert.True(byBody.IsValid, byBody.Error);
        Assert.Equal("10cm", byBody.Observations[0].Observation.Parameters!["depth"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"phenomenonTime\": \"2026-05-01T11:00:00Z\", \"result\": 23.5", "not valid JSON")]
    [InlineData("{\"phenomenonTime\": \"2026-05-01T11:00:00Z\", \"result\": \"feucht\"}", "must be a number")]
    [InlineData("{\"phenomenonTime\": \"2026-05-02T11:00:00Z\", \"result\": 23.5}", "lies in the future")]
    [InlineData("{\"phenomenonTime\": \"gestern\", \"result\": 23.5}", "not an ISO 8601 time")]
    [InlineData("{\"result\": 23.5}", "phenomenonTime is missing")]
    [InlineData("[1, 2]", "not an object")]
    public void A_malformed_SensorThings_observation_is_refused_with_the_reason(string json, string reason)
    {
        var result = Sta(Payloads.Topic(Payloads.SoilMoisture), json);

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_datastream_and_a_fractional_count_are_refused_by_name()
    {
        var unknown = Sta(Payloads.Topic("datastream-gibt-es-nicht"), Payloads.Observation(Now, 1));
        var fraction = Sta(Payloads.Topic(Payloads.Lendings), Payloads.Observation(Now, 2.5));

        Assert.Contains("Unknown datastream 'datastream-gibt-es-nicht'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("is not a count", fraction.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_The_Things_Stack_uplink_without_f_cnt_becomes_one_observation_per_mapped_key()
    {
        var result = Tts(Payloads.Uplink("dierkow-node-1", Now.AddMinutes(-1), 31.2, 14.5, frameCounter: 0));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(2, result.Observations.Count); // battery is not mapped and is left out
        Assert.All(result.Observations, o => Assert.StartsWith("tts:dierkow-node-1:0:", o.SourceKey, StringComparison.Ordinal));
        Assert.Equal(31.2, result.Observations.Single(o => o.Observation.DatastreamId == Payloads.SoilMoisture).Observation.Result);
    }

    [Fact]
    public void An_uplink_without_decoded_payload_or_from_an_unmapped_device_is_refused_with_the_reason()
    {
        var noFormatter = Tts("""{"end_device_ids": {"device_id": "dierkow-node-1"}, "received_at": "2026-05-01T11:59:00Z", "uplink_message": {"frm_payload": "AQI=", "received_at": "2026-05-01T11:59:00Z"}}""");
        var unmapped = Tts(Payloads.Uplink("fremdes-geraet", Now, 1, 2, 5));

        Assert.Contains("payload formatter", noFormatter.Error, StringComparison.Ordinal);
        Assert.Contains("Device 'fremdes-geraet' is not mapped", unmapped.Error, StringComparison.Ordinal);
    }
}
