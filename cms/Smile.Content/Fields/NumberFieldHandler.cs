using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

public sealed class NumberFieldHandler : FieldHandler
{
    public override FieldKind Kind => FieldKind.Number;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        if (input.GetValueKind() != JsonValueKind.Number)
        {
            context.Error($"Erwartet wird eine Zahl, nicht {Describe(input)}.");
            return null;
        }

        // Parsed JSON and values built in code (an int, a decimal) both arrive here; their text is the common form.
        var number = double.Parse(input.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            context.Error("Die Zahl ist ungültig.");
            return null;
        }

        if (context.Settings.Min is { } min && number < min)
        {
            context.Error($"Der Wert {number.ToString(CultureInfo.InvariantCulture)} ist kleiner als das Minimum {min.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (context.Settings.Max is { } max && number > max)
        {
            context.Error($"Der Wert {number.ToString(CultureInfo.InvariantCulture)} ist größer als das Maximum {max.ToString(CultureInfo.InvariantCulture)}.");
        }

        return JsonValue.Create(number);
    }

    public override IEnumerable<FieldIndexEntry> Index(string field, JsonNode value)
    {
        yield return new(field, Number: value.GetValue<double>());
    }
}
