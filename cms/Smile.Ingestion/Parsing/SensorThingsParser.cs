using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Smile.Content.Observations;
using Smile.Ingestion.Datastreams;
using Smile.Storage.Observations;

namespace Smile.Ingestion.Parsing;

/// <summary>
/// A SensorThings Observation (<c>{"phenomenonTime": ..., "result": ..., "resultTime": ..., "parameters": {...}}</c>)
/// sent to <c>v1.1/Datastreams(&lt;id&gt;)/Observations</c>, or to <c>v1.1/Observations</c> naming its
/// <c>Datastream</c> by <c>@iot.id</c>.
/// </summary>
public static partial class SensorThingsParser
{
    public static ParseResult Parse(string address, ReadOnlySpan<byte> payload, IReadOnlyDictionary<string, DatastreamInfo> datastreams, DateTime now, TimeSpan futureTolerance)
    {
        JsonObject body;
        try
        {
            if (JsonNode.Parse(payload) is not JsonObject parsed)
            {
                return ParseResult.Fail("The payload is JSON but not an object: an Observation is {\"phenomenonTime\": ..., \"result\": ...}.");
            }

            body = parsed;
        }
        catch (JsonException ex)
        {
            return ParseResult.Fail($"The payload is not valid JSON: {ex.Message}");
        }

        var datastreamId = DatastreamIdFrom(address) ?? (body["Datastream"]?["@iot.id"] is JsonValue id ? id.ToString() : null);
        if (datastreamId is null)
        {
            return ParseResult.Fail($"No datastream: send to v1.1/Datastreams(<id>)/Observations, or name it in the body as \"Datastream\": {{\"@iot.id\": ...}} (address '{address}').");
        }

        if (!datastreams.TryGetValue(datastreamId, out var datastream))
        {
            return ParseResult.Fail($"Unknown datastream '{datastreamId}': no Datastream item has this id.");
        }

        DateTime? resultTime = null;
        if (body["resultTime"] is { } resultTimeNode)
        {
            if (ObservationValues.Time(resultTimeNode, "resultTime", now, futureTolerance, out var parsed) is { } error)
            {
                return ParseResult.Fail(error);
            }

            resultTime = parsed;
        }

        // phenomenonTime is the observation's identity here (redeliveries are dropped by it), so the server
        // does not make one up; resultTime stands in when only that was sent.
        var phenomenonNode = body["phenomenonTime"] ?? body["resultTime"];
        if (phenomenonNode is null)
        {
            return ParseResult.Fail("phenomenonTime is missing: it is the observation's identity, a redelivered message is recognised by it.");
        }

        if (ObservationValues.Time(phenomenonNode, "phenomenonTime", now, futureTolerance, out var phenomenonTime) is { } timeError)
        {
            return ParseResult.Fail(timeError);
        }

        if (ObservationValues.Result(body["result"], datastream, "result", out var result) is { } resultError)
        {
            return ParseResult.Fail(resultError);
        }

        JsonObject? parameters = null;
        if (body["parameters"] is { } given)
        {
            if (given is not JsonObject map)
            {
                return ParseResult.Fail($"parameters must be a JSON object, not {given.GetValueKind().ToString().ToLowerInvariant()}.");
            }

            parameters = (JsonObject)map.DeepClone();
        }

        return ParseResult.Of([new ObservationWrite(new Observation(datastream.Id, phenomenonTime, result, resultTime, parameters))]);
    }

    /// <summary>The id in <c>Datastreams(id)</c> or <c>Datastreams('id')</c>, if the address names one.</summary>
    public static string? DatastreamIdFrom(string address) =>
        DatastreamAddress().Match(address) is { Success: true } match ? match.Groups["id"].Value : null;

    [GeneratedRegex(@"Datastreams\('?(?<id>[^)']+)'?\)/Observations/?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatastreamAddress();
}
