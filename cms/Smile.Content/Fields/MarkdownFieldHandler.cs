using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

/// <summary>Stored as <c>{ "markdown": ..., "html": ... }</c>: the HTML is rendered and sanitized here, once.</summary>
public sealed class MarkdownFieldHandler : FieldHandler
{
    public override FieldKind Kind => FieldKind.Markdown;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        var source = input is JsonObject obj ? obj["markdown"] : input;
        if (source is null || !TryGetString(source, out var markdown))
        {
            context.Error($"Erwartet wird Markdown-Text, nicht {Describe(input)}.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        if (context.Settings.MaxLength is { } max && markdown.Length > max)
        {
            context.Error($"Der Text ist {markdown.Length} Zeichen lang; erlaubt sind höchstens {max}.");
        }

        return new JsonObject
        {
            ["markdown"] = markdown,
            ["html"] = context.Renderer.RenderMarkdown(markdown),
        };
    }
}
