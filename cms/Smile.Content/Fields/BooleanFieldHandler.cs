using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

public sealed class BooleanFieldHandler : FieldHandler
{
    public override FieldKind Kind => FieldKind.Boolean;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        if (input.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            context.Error($"Erwartet wird true oder false, nicht {Describe(input)}.");
            return null;
        }

        return JsonValue.Create(input.GetValue<bool>());
    }

    public override IEnumerable<FieldIndexEntry> Index(string field, JsonNode value)
    {
        yield return new(field, Boolean: value.GetValue<bool>());
    }
}
