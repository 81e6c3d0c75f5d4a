using System.Globalization;
using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Content.Observations;

namespace Smile.Ingestion.Http.SensorThings;

/// <summary>Content items and observations in the SensorThings v1.1 JSON shapes (what FROST clients and Masterportal read).</summary>
internal static class SensorThingsJson
{
    private const string ObservationTypes = "http://www.opengis.net/def/observationType/OGC-OM/2.0/";

    public static JsonObject Thing(ContentVersion station, string baseUrl)
    {
        var self = $"{baseUrl}/Things('{station.ItemId}')";
        var thing = new JsonObject
        {
            ["@iot.id"] = station.ItemId,
            ["@iot.selfLink"] = self,
            ["name"] = station.Title,
            ["description"] = Markdown(station.Fields["body"]),
            ["properties"] = new JsonObject
            {
                ["externalId"] = Text(station.Fields["externalId"]),
                ["project"] = FirstId(station.Fields["project"]),
                ["place"] = FirstId(station.Fields["place"]),
                ["operatingState"] = Text(station.Fields["operatingState"]),
                ["path"] = station.Path,
            },
            ["Datastreams@iot.navigationLink"] = self + "/Datastreams",
            ["Locations@iot.navigationLink"] = self + "/Locations",
        };
        if (station.Fields["location"] is JsonObject point)
        {
            // Expanded inline: a Thing has one fixed location here, and map clients want it without a second request.
            thing["Locations"] = new JsonArray(Location(station, point));
        }

        return thing;
    }

    public static JsonObject Location(ContentVersion station, JsonObject point) => new()
    {
        ["@iot.id"] = station.ItemId,
        ["name"] = station.Title,
        ["description"] = Text(station.Fields["locationNote"]) ?? "",
        ["encodingType"] = "application/geo+json",
        ["location"] = new JsonObject
        {
            ["type"] = "Point",
            ["coordinates"] = new JsonArray(point["lon"]?.DeepClone(), point["lat"]?.DeepClone()),
        },
    };

    public static JsonObject Datastream(ContentVersion datastream, string baseUrl)
    {
        var self = $"{baseUrl}/Datastreams('{datastream.ItemId}')";
        var count = Text(datastream.Fields["observationType"]) == "count";
        return new JsonObject
        {
            ["@iot.id"] = datastream.ItemId,
            ["@iot.selfLink"] = self,
            ["name"] = datastream.Title,
            ["description"] = Markdown(datastream.Fields["body"]),
            ["observationType"] = ObservationTypes + (count ? "OM_CountObservation" : "OM_Measurement"),
            ["unitOfMeasurement"] = new JsonObject
            {
                ["name"] = Text(datastream.Fields["unitName"]),
                ["symbol"] = Text(datastream.Fields["unitSymbol"]),
                ["definition"] = Text(datastream.Fields["unitDefinition"]) ?? Text(datastream.Fields["unitCode"]),
            },
            ["properties"] = new JsonObject
            {
                ["observedProperty"] = Text(datastream.Fields["observedProperty"]),
                ["sensor"] = Text(datastream.Fields["sensorModel"]),
                ["thresholdLow"] = datastream.Fields["thresholdLow"]?.DeepClone(),
                ["thresholdHigh"] = datastream.Fields["thresholdHigh"]?.DeepClone(),
            },
            ["Thing@iot.navigationLink"] = FirstId(datastream.Fields["station"]) is { } station ? $"{baseUrl}/Things('{station}')" : null,
            ["Observations@iot.navigationLink"] = self + "/Observations",
        };
    }

    public static JsonObject Observation(Observation observation, string baseUrl)
    {
        var json = new JsonObject
        {
            ["@iot.id"] = ObservationId(observation),
            ["@iot.selfLink"] = ObservationLink(observation, baseUrl),
            ["phenomenonTime"] = Time(observation.PhenomenonTime),
            ["resultTime"] = observation.ResultTime is { } resultTime ? Time(resultTime) : null,
            ["result"] = observation.Result,
        };
        if (observation.Parameters is { } parameters)
        {
            json["parameters"] = parameters.DeepClone();
        }

        return json;
    }

    /// <summary>Observations are keyed by datastream and time; the id says both.</summary>
    public static string ObservationId(Observation observation) =>
        string.Create(CultureInfo.InvariantCulture, $"{observation.DatastreamId}@{new DateTimeOffset(observation.PhenomenonTime).ToUnixTimeMilliseconds()}");

    public static string ObservationLink(Observation observation, string baseUrl) =>
        $"{baseUrl}/Datastreams('{observation.DatastreamId}')/Observations?$filter=phenomenonTime%20eq%20{Time(observation.PhenomenonTime)}";

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string? FirstId(JsonNode? node) => node switch
    {
        JsonArray { Count: > 0 } ids => Text(ids[0]),
        JsonValue => Text(node),
        _ => null,
    };

    private static string Markdown(JsonNode? body) => Text(body?["markdown"]) ?? "";
}
