using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Content.Observations;
using Smile.Ingestion.Datastreams;
using Smile.Storage.Observations;

namespace Smile.Ingestion.Parsing;

/// <summary>
/// A The Things Stack v3 uplink (MQTT <c>v3/{application}@{tenant}/devices/{device}/up</c>, or its webhook):
/// each configured <c>decoded_payload</c> key becomes an observation of its datastream. The Stack omits empty
/// fields from its JSON (no <c>f_cnt</c> when it is 0, no <c>decoded_payload</c> without a payload formatter),
/// so absence is read as the default wherever the protocol allows.
/// </summary>
public static class TheThingsStackParser
{
    public static ParseResult Parse(string address, ReadOnlySpan<byte> payload, TheThingsStackOptions options, IReadOnlyDictionary<string, DatastreamInfo> datastreams, DateTime now, TimeSpan futureTolerance)
    {
        JsonObject body;
        try
        {
            if (JsonNode.Parse(payload) is not JsonObject parsed)
            {
                return ParseResult.Fail("The payload is JSON but not an object: a The Things Stack uplink is {\"end_device_ids\": ..., \"uplink_message\": ...}.");
            }

            body = parsed;
        }
        catch (JsonException ex)
        {
            return ParseResult.Fail($"The payload is not valid JSON: {ex.Message}");
        }

        var device = Text(body["end_device_ids"]?["device_id"]) ?? DeviceFromTopic(address);
        if (device is null)
        {
            return ParseResult.Fail("end_device_ids.device_id is missing, and the address names no device.");
        }

        if (body["uplink_message"] is not JsonObject uplink)
        {
            return ParseResult.Fail($"Device '{device}': no uplink_message (only uplinks carry readings; join and other messages belong on other topics).");
        }

        if (!options.Devices.TryGetValue(device, out var mapping))
        {
            return ParseResult.Fail($"Device '{device}' is not mapped: add it under Smile:Ingestion:TheThingsStack:Devices with its decoded_payload keys and datastreams.");
        }

        if (uplink["decoded_payload"] is not JsonObject decoded)
        {
            return ParseResult.Fail($"Device '{device}': the uplink has no decoded_payload; give the application or device a payload formatter in The Things Stack.");
        }

        var receivedAtNode = uplink["received_at"] ?? body["received_at"];
        var timeNode = options.PhenomenonTime == TheThingsStackTime.GatewayTime && uplink["rx_metadata"]?[0]?["time"] is { } gatewayTime
            ? gatewayTime
            : receivedAtNode;
        if (ObservationValues.Time(timeNode, "uplink_message.received_at", now, futureTolerance, out var phenomenonTime) is { } timeError)
        {
            return ParseResult.Fail($"Device '{device}': {timeError}");
        }

        var frameCounter = uplink["f_cnt"] is JsonValue counter && counter.TryGetValue(out long f) ? f : 0; // omitted when 0
        var sourceKey = string.Create(CultureInfo.InvariantCulture, $"tts:{device}:{frameCounter}:{Text(receivedAtNode) ?? phenomenonTime.ToString("O", CultureInfo.InvariantCulture)}");
        var observations = new List<ObservationWrite>();
        foreach (var (key, datastreamId) in mapping.Datastreams)
        {
            if (!decoded.TryGetPropertyValue(key, out var value))
            {
                continue; // a device may report some values only now and then
            }

            if (!datastreams.TryGetValue(datastreamId, out var datastream))
            {
                return ParseResult.Fail($"Device '{device}': decoded_payload.{key} is mapped to datastream '{datastreamId}', which does not exist.");
            }

            if (ObservationValues.Result(value, datastream, "decoded_payload." + key, out var result) is { } resultError)
            {
                return ParseResult.Fail($"Device '{device}': {resultError}");
            }

            observations.Add(new ObservationWrite(new Observation(datastream.Id, phenomenonTime, result, phenomenonTime), sourceKey));
        }

        if (observations.Count == 0)
        {
            var keys = string.Join(", ", decoded.Select(p => p.Key));
            return ParseResult.Fail($"Device '{device}': none of the mapped keys ({string.Join(", ", mapping.Datastreams.Keys)}) is in decoded_payload ({(keys.Length == 0 ? "empty" : keys)}).");
        }

        return ParseResult.Of(observations);
    }

    /// <summary>The device id in <c>v3/{application}@{tenant}/devices/{device}/up</c>.</summary>
    public static string? DeviceFromTopic(string address)
    {
        var parts = address.Split('/');
        var devices = Array.IndexOf(parts, "devices");
        return devices >= 0 && devices + 1 < parts.Length ? parts[devices + 1] : null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
