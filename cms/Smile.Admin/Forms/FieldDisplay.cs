using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Admin.Localization;
using Smile.Content.Definitions;
using Smile.Content.Fields;
using Smile.Content.Time;

namespace Smile.Admin.Forms;

/// <summary>One field's value as plain text, for comparing versions side by side (history, conflicts).</summary>
public static class FieldDisplay
{
    public static string Text(FieldDefinition field, JsonNode? value, IReadOnlyDictionary<string, string>? titles = null)
    {
        if (value is null)
        {
            return "";
        }

        switch (field.Kind)
        {
            case FieldKind.Markdown:
                return String(value is JsonObject md ? md["markdown"] : value);
            case FieldKind.Html:
                return String(value is JsonObject html ? html["html"] : value);
            case FieldKind.Number:
                return value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>().ToString(CultureInfo.CurrentCulture) : value.ToString();
            case FieldKind.Boolean:
                return value.GetValueKind() == JsonValueKind.True ? "ja" : "nein";
            case FieldKind.DateTime:
                // Stored values are UTC; a value just typed is Rostock's wall-clock time: both are shown the same way.
                var moment = String(value);
                if (moment.EndsWith('Z'))
                {
                    return AdminFormat.Berlin(DateTimeFieldHandler.Parse(moment));
                }

                return DateTime.TryParseExact(moment, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var typed)
                    ? AdminFormat.Berlin(BerlinTime.ToUtc(typed))
                    : moment;
            case FieldKind.Link:
                return value is JsonObject link ? String(link["url"]) + (String(link["text"]) is { Length: > 0 } text ? $" („{text}“)" : "") : String(value);
            case FieldKind.GeoPoint:
                return value is JsonObject point ? $"{point["lat"]}, {point["lon"]}" : value.ToJsonString();
            case FieldKind.Media:
                return string.Join("\n", (value is JsonArray list ? list : [value]).OfType<JsonObject>().Select(Media));
            case FieldKind.Enumeration:
                return string.Join(", ", Values(value).Select(v => field.Settings.Labels.TryGetValue(v, out var label) ? label : v));
            case FieldKind.ContentPicker or FieldKind.Taxonomy:
                return string.Join(", ", Values(value).Select(id => titles is not null && titles.TryGetValue(id, out var title) ? $"{title} ({id})" : id));
            default:
                return String(value);
        }
    }

    public static IEnumerable<string> Values(JsonNode value) =>
        value is JsonArray array ? array.Select(String).Where(v => v.Length > 0) : [String(value)];

    private static string Media(JsonObject media)
    {
        var alt = media["decorative"] is JsonValue d && d.GetValueKind() == JsonValueKind.True ? "dekorativ" : "Alternativtext: " + String(media["alt"]);
        var caption = String(media["caption"]);
        return $"{String(media["mediaId"])} ({alt}{(caption.Length > 0 ? "; Bildunterschrift: " + caption : "")})";
    }

    private static string String(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node?.ToJsonString() ?? "";
}
