using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

/// <summary>
/// A reference to a media asset with its alternative text: <c>{ "mediaId": ..., "alt": ..., "decorative": false }</c>.
/// An image without alt text is invalid unless it is explicitly marked decorative (WCAG 1.1.1).
/// </summary>
public sealed class MediaFieldHandler : FieldHandler
{
    public const int MaxAltLength = 500;

    public override FieldKind Kind => FieldKind.Media;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        var items = Items(input, context);
        if (items is null)
        {
            return null;
        }

        var stored = new JsonArray();
        foreach (var item in items)
        {
            if (item is not JsonObject obj || obj["mediaId"] is not { } idNode || !TryGetString(idNode, out var mediaId) || mediaId.Trim().Length == 0)
            {
                context.Error("Ein Medium braucht eine Medien-ID (mediaId).");
                return null;
            }

            var decorative = obj["decorative"] is JsonValue d && d.TryGetValue<bool>(out var isDecorative) && isDecorative;
            var alt = obj["alt"] is { } altNode && TryGetString(altNode, out var a) ? a.Trim() : "";
            if (!decorative && alt.Length == 0)
            {
                context.Error($"Für das Medium '{mediaId}' fehlt der Alternativtext. Beschreiben Sie das Bild oder markieren Sie es als dekorativ.");
                return null;
            }

            if (!decorative && alt.Length > MaxAltLength)
            {
                context.Error($"Der Alternativtext ist {alt.Length} Zeichen lang; erlaubt sind höchstens {MaxAltLength}.");
                return null;
            }

            var value = new JsonObject { ["mediaId"] = mediaId.Trim(), ["alt"] = decorative ? "" : alt, ["decorative"] = decorative };
            if (obj["caption"] is { } captionNode && TryGetString(captionNode, out var caption) && caption.Trim().Length > 0)
            {
                value["caption"] = caption.Trim();
            }

            stored.Add(value);
        }

        if (stored.Count == 0)
        {
            return null;
        }

        return context.Settings.Multiple ? stored : stored[0]!.DeepClone();
    }

    public override IEnumerable<RelationEntry> Relations(string field, JsonNode value)
    {
        var items = value is JsonArray array ? array.Select(n => n!) : [value];
        return items.Select((item, i) => new RelationEntry(field, item["mediaId"]!.GetValue<string>(), i, RelationKind.Media));
    }
}
