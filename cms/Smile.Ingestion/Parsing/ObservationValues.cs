using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Ingestion.Datastreams;

namespace Smile.Ingestion.Parsing;

/// <summary>The checks every format shares: a time that is a time and not too far ahead, a result of the datastream's kind.</summary>
internal static class ObservationValues
{
    public static string? Time(JsonNode? node, string name, DateTime now, TimeSpan futureTolerance, out DateTime utc)
    {
        utc = default;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return $"{name} must be an ISO 8601 time string, e.g. \"2026-05-01T12:00:00Z\".";
        }

        var text = value.GetValue<string>();
        // A SensorThings time interval "start/end": the observation is filed under its start.
        var instant = text.Split('/')[0];
        if (!DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return $"{name} '{text}' is not an ISO 8601 time.";
        }

        utc = parsed.UtcDateTime;
        if (utc > now + futureTolerance)
        {
            return $"{name} {utc:O} lies in the future (more than {futureTolerance.TotalMinutes:0} minutes after the server's clock, {now:O}).";
        }

        return null;
    }

    public static string? Result(JsonNode? node, DatastreamInfo datastream, string name, out double result)
    {
        result = 0;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue(out double number) || !double.IsFinite(number))
        {
            var found = node is null ? "nothing" : node.GetValueKind().ToString().ToLowerInvariant();
            return $"{name} must be a number for datastream '{datastream.Id}' ({datastream.ObservationType}), not {found}.";
        }

        if (datastream.ObservationType == DatastreamInfo.Count && (number < 0 || number != Math.Floor(number)))
        {
            return $"{name} {number.ToString(CultureInfo.InvariantCulture)} is not a count: datastream '{datastream.Id}' takes whole numbers from 0.";
        }

        result = number;
        return null;
    }
}
