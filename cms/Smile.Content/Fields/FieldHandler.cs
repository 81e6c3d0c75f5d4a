using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

/// <summary>
/// One field kind: turns editor input into the stored value (validating it on the way), and says
/// what goes into the field and relation indexes.
/// </summary>
public abstract class FieldHandler
{
    public abstract FieldKind Kind { get; }

    /// <summary>The stored value, or null when the input is empty. Problems are reported to the context.</summary>
    public abstract JsonNode? Normalize(JsonNode input, FieldContext context);

    public virtual IEnumerable<FieldIndexEntry> Index(string field, JsonNode value) => [];

    public virtual IEnumerable<RelationEntry> Relations(string field, JsonNode value) => [];

    protected static bool TryGetString(JsonNode node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        value = "";
        return false;
    }

    /// <summary>A single value or an array, as the field's <c>multiple</c> setting allows.</summary>
    protected static List<JsonNode>? Items(JsonNode input, FieldContext context)
    {
        if (input is JsonArray array)
        {
            if (!context.Settings.Multiple && array.Count > 1)
            {
                context.Error("Dieses Feld erlaubt nur einen Wert.");
                return null;
            }

            return [.. array.Where(n => n is not null).Select(n => n!)];
        }

        return [input];
    }

    protected static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => "Text",
        JsonValueKind.Number => "Zahl",
        JsonValueKind.True or JsonValueKind.False => "Wahrheitswert",
        JsonValueKind.Array => "Liste",
        JsonValueKind.Object => "Objekt",
        _ => "Wert",
    };
}
