using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

/// <summary>
/// References to other items, stored as an array of item ids in the editor's order. Whether the items
/// exist and have an allowed type is checked by the editor against storage.
/// </summary>
public class ContentPickerFieldHandler : FieldHandler
{
    public override FieldKind Kind => FieldKind.ContentPicker;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        var items = Items(input, context);
        if (items is null)
        {
            return null;
        }

        var ids = new List<string>();
        foreach (var item in items)
        {
            if (!TryGetString(item, out var id) || id.Trim().Length == 0)
            {
                context.Error($"Erwartet wird eine Inhalts-ID, nicht {Describe(item)}.");
                return null;
            }

            if (!ids.Contains(id.Trim()))
            {
                ids.Add(id.Trim());
            }
        }

        return ids.Count == 0 ? null : new JsonArray([.. ids.Select(id => JsonValue.Create(id))]);
    }

    public override IEnumerable<RelationEntry> Relations(string field, JsonNode value) =>
        value.AsArray().Select((id, i) => new RelationEntry(field, id!.GetValue<string>(), i));

    /// <summary>The content types the referenced items may have; empty means any.</summary>
    public virtual IReadOnlyList<string> AllowedTypes(FieldSettings settings) => settings.ContentTypes;
}
