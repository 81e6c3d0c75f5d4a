using System.Globalization;

namespace Smile.Ingestion.Tests;

/// <summary>Messages as sensors send them.</summary>
internal static class Payloads
{
    public const string SoilMoisture = "datastream-dierkow-bodenfeuchte";
    public const string SoilTemperature = "datastream-dierkow-bodentemperatur";
    public const string Lendings = "datastream-hafensport-ausleihen";

    public static string Topic(string datastream) => $"v1.1/Datastreams({datastream})/Observations";

    public static string Observation(DateTime phenomenonTime, string result) =>
        $$"""{"phenomenonTime": "{{Iso(phenomenonTime)}}", "result": {{result}}}""";

    public static string Observation(DateTime phenomenonTime, double result) =>
        Observation(phenomenonTime, result.ToString(CultureInfo.InvariantCulture));

    /// <summary>A The Things Stack v3 uplink as the Stack sends it: f_cnt omitted when 0, as its JSON omits empty fields.</summary>
    public static string Uplink(string device, DateTime receivedAt, double moisture, double temperature, int frameCounter) =>
        $$"""
        {
          "end_device_ids": {"device_id": "{{device}}", "application_ids": {"application_id": "smile-dierkow"}, "dev_eui": "70B3D57ED0000001"},
          "received_at": "{{Iso(receivedAt)}}",
          "uplink_message": {
            {{(frameCounter == 0 ? "" : $"\"f_cnt\": {frameCounter},")}}
            "f_port": 1,
            "frm_payload": "AQI=",
            "decoded_payload": {"soil_moisture": {{moisture.ToString(CultureInfo.InvariantCulture)}}, "soil_temperature": {{temperature.ToString(CultureInfo.InvariantCulture)}}, "battery": 3.6},
            "rx_metadata": [{"gateway_ids": {"gateway_id": "rostock-gw-1"}, "time": "{{Iso(receivedAt.AddMilliseconds(-300))}}", "rssi": -97}],
            "received_at": "{{Iso(receivedAt)}}"
          }
        }
        """;

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The device mapping the tests configure: the Dierkow station's LoRaWAN node.</summary>
    public static Dictionary<string, string?> DeviceMapping(string device) => new()
    {
        [$"Smile:Ingestion:TheThingsStack:Devices:{device}:Datastreams:soil_moisture"] = SoilMoisture,
        [$"Smile:Ingestion:TheThingsStack:Devices:{device}:Datastreams:soil_temperature"] = SoilTemperature,
    };
}
