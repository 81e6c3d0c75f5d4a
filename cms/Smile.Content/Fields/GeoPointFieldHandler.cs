using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

/// <summary>WGS 84 coordinates, stored as <c>{ "lat": ..., "lon": ... }</c>.</summary>
public sealed class GeoPointFieldHandler : FieldHandler
{
    public override FieldKind Kind => FieldKind.GeoPoint;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        if (input is not JsonObject obj
            || obj["lat"] is not { } latNode || latNode.GetValueKind() != JsonValueKind.Number
            || obj["lon"] is not { } lonNode || lonNode.GetValueKind() != JsonValueKind.Number)
        {
            context.Error("Erwartet wird ein Geopunkt { \"lat\": Breite, \"lon\": Länge }.");
            return null;
        }

        var lat = double.Parse(latNode.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        var lon = double.Parse(lonNode.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            context.Error($"Der Geopunkt ({lat.ToString(CultureInfo.InvariantCulture)}, {lon.ToString(CultureInfo.InvariantCulture)}) liegt außerhalb von Breite −90…90 und Länge −180…180.");
            return null;
        }

        return new JsonObject { ["lat"] = lat, ["lon"] = lon };
    }
}
