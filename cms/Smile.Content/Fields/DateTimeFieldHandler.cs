using System.Globalization;
using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Time;

namespace Smile.Content.Fields;

/// <summary>
/// A point in time, stored in UTC as ISO 8601. Input with an offset is taken as is; input without one
/// is what an editor in Rostock typed, so it is read as Europe/Berlin.
/// </summary>
public sealed class DateTimeFieldHandler : FieldHandler
{
    public const string StoredFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override FieldKind Kind => FieldKind.DateTime;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        if (!TryGetString(input, out var text))
        {
            context.Error($"Erwartet wird Datum und Uhrzeit (ISO 8601), nicht {Describe(input)}.");
            return null;
        }

        if (text.Length == 0)
        {
            return null;
        }

        if (!TryParse(text, out var utc))
        {
            context.Error($"'{text}' ist kein Zeitpunkt im Format ISO 8601 (z. B. 2026-05-04T18:00:00+02:00).");
            return null;
        }

        return JsonValue.Create(utc.ToString(StoredFormat, CultureInfo.InvariantCulture));
    }

    public override IEnumerable<FieldIndexEntry> Index(string field, JsonNode value)
    {
        yield return new(field, Date: Parse(value.GetValue<string>()));
    }

    public static DateTime Parse(string stored) =>
        DateTime.ParseExact(stored, StoredFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    // RFC 3339 allows a space for the T.
    private static readonly string[] WithOffset = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK"];
    private static readonly string[] WithoutOffset = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>ISO 8601 only: "04/05/2026" means 4 May to an editor in Rostock and 5 April to a US parser.</summary>
    private static bool TryParse(string text, out DateTime utc)
    {
        // Without an offset first: "K" also matches no offset at all, which would read as the server's zone.
        if (DateTime.TryParseExact(text, WithoutOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = BerlinTime.ToUtc(local);
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            utc = withOffset.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }
}
