using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

public sealed class TextFieldHandler : FieldHandler
{
    public override FieldKind Kind => FieldKind.Text;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        if (!TryGetString(input, out var text))
        {
            context.Error($"Erwartet wird ein Text, nicht {Describe(input)}.");
            return null;
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (context.Settings.MaxLength is { } max && text.Length > max)
        {
            context.Error($"Der Text ist {text.Length} Zeichen lang; erlaubt sind höchstens {max}.");
        }

        return JsonValue.Create(text);
    }

    public override IEnumerable<FieldIndexEntry> Index(string field, JsonNode value)
    {
        var text = value.GetValue<string>();
        yield return new(field, Text: text.Length > FieldIndexEntry.MaxTextLength ? text[..FieldIndexEntry.MaxTextLength] : text);
    }
}
