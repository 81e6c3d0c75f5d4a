using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

/// <summary>Editor HTML is sanitized at save time and stored as <c>{ "html": ... }</c>.</summary>
public sealed class HtmlFieldHandler : FieldHandler
{
    public override FieldKind Kind => FieldKind.Html;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        var source = input is JsonObject obj ? obj["html"] : input;
        if (source is null || !TryGetString(source, out var html))
        {
            context.Error($"Erwartet wird HTML-Text, nicht {Describe(input)}.");
            return null;
        }

        var safe = context.Renderer.Sanitize(html);
        if (safe.Length == 0)
        {
            return null;
        }

        if (context.Settings.MaxLength is { } max && safe.Length > max)
        {
            context.Error($"Der Text ist {safe.Length} Zeichen lang; erlaubt sind höchstens {max}.");
        }

        return new JsonObject { ["html"] = safe };
    }
}
