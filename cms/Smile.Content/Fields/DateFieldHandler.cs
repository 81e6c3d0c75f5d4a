using System.Globalization;
using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

/// <summary>A calendar date without time, stored as <c>yyyy-MM-dd</c>.</summary>
public sealed class DateFieldHandler : FieldHandler
{
    public override FieldKind Kind => FieldKind.Date;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        if (!TryGetString(input, out var text))
        {
            context.Error($"Erwartet wird ein Datum (JJJJ-MM-TT), nicht {Describe(input)}.");
            return null;
        }

        if (text.Length == 0)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            context.Error($"'{text}' ist kein Datum im Format JJJJ-MM-TT.");
            return null;
        }

        return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public override IEnumerable<FieldIndexEntry> Index(string field, JsonNode value)
    {
        var date = DateOnly.ParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return new(field, Date: date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }
}
