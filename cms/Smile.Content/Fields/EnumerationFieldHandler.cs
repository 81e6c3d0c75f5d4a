using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

/// <summary>One (or, when multiple, several) of the allowed values. Stored as a string or an array.</summary>
public sealed class EnumerationFieldHandler : FieldHandler
{
    public override FieldKind Kind => FieldKind.Enumeration;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        var items = Items(input, context);
        if (items is null)
        {
            return null;
        }

        var values = new List<string>();
        foreach (var item in items)
        {
            if (!TryGetString(item, out var value))
            {
                context.Error($"Erwartet wird einer der Werte {string.Join(", ", context.Settings.AllowedValues)}, nicht {Describe(item)}.");
                return null;
            }

            if (!context.Settings.AllowedValues.Contains(value))
            {
                context.Error($"'{value}' ist nicht erlaubt; erlaubt sind {string.Join(", ", context.Settings.AllowedValues)}.");
                return null;
            }

            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        return context.Settings.Multiple ? new JsonArray([.. values.Select(v => JsonValue.Create(v))]) : JsonValue.Create(values[0]);
    }

    public override IEnumerable<FieldIndexEntry> Index(string field, JsonNode value) =>
        value is JsonArray array
            ? array.Select(v => new FieldIndexEntry(field, Text: v!.GetValue<string>()))
            : [new FieldIndexEntry(field, Text: value.GetValue<string>())];
}
