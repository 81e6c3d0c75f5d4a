using System.Globalization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Smile.Site.Content;
using Smile.Site.Themes;

namespace Smile.Site.Outputs;

/// <summary>iCalendar files of the theme's event type: one with every event per culture, and one per event.</summary>
public static class CalendarWriter
{
    private const string TimeZone = "Europe/Berlin";

    public static IEnumerable<GeneratedFile> Write(SiteContent content, Theme theme, IReadOnlyList<string> cultures, string baseUrl)
    {
        if (theme.Settings.CalendarType is not { } type)
        {
            yield break;
        }

        var root = baseUrl.TrimEnd('/');
        var host = new Uri(root).Host;
        foreach (var culture in cultures.Where(theme.Settings.Cultures.ContainsKey))
        {
            var events = content.Collection(type, culture).Select(item => (item, entry: Entry(item, root, host, content))).Where(e => e.entry is not null).ToList();
            if (culture != cultures[0] && !content.Items.Any(i => i.Culture == culture))
            {
                continue;
            }

            // Written even when empty: subscribers keep their subscription, and the theme's link never breaks.

            var settings = theme.Settings.Cultures[culture];
            yield return new GeneratedFile($"{settings.Home.Trim('/')}/termine.ics".TrimStart('/'), Serialize(settings.SiteTitle, events.Select(e => e.entry!)));
            foreach (var (item, _) in events.Where(e => e.item.Path is not null))
            {
                yield return new GeneratedFile(item.Path!.Trim('/') + ".ics", Serialize(settings.SiteTitle, [Entry(item, root, host, content)!]));
            }
        }
    }

    private static CalendarEvent? Entry(SiteItem item, string root, string host, SiteContent content)
    {
        if (Date(item, "start") is not { } start)
        {
            return null;
        }

        var entry = new CalendarEvent
        {
            Uid = $"{item.Id}@{host}",
            Summary = item.Title,
            DtStart = new CalDateTime(TimeZoneInfo.ConvertTime(start, Berlin).DateTime, TimeZone),
            DtEnd = Date(item, "end") is { } end ? new CalDateTime(TimeZoneInfo.ConvertTime(end, Berlin).DateTime, TimeZone) : null,
            DtStamp = new CalDateTime(item.ModifiedAt.UtcDateTime, "UTC"),
            Status = (item.Fields.GetValueOrDefault("eventStatus") as string) switch
            {
                "cancelled" => "CANCELLED",
                "postponed" => "TENTATIVE",
                _ => "CONFIRMED",
            },
            Location = Location(item, content),
            Description = item.Fields.GetValueOrDefault("summary") as string ?? item.Fields.GetValueOrDefault("teaser") as string,
        };
        if (item.Path is not null)
        {
            entry.Url = new Uri(root + item.Path);
        }

        return entry;
    }

    private static string? Location(SiteItem item, SiteContent content)
    {
        var place = item.Fields.GetValueOrDefault("place") is Dictionary<string, object?> reference && content.TryGet((string)reference["id"]!, out var p) ? p : null;
        var parts = new[] { place?.Title, place?.Fields.GetValueOrDefault("address") as string, item.Fields.GetValueOrDefault("locationText") as string };
        var text = string.Join(", ", parts.Where(s => !string.IsNullOrWhiteSpace(s)));
        return text.Length == 0 ? null : text;
    }

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    private static DateTimeOffset? Date(SiteItem item, string field) =>
        item.Fields.GetValueOrDefault(field) is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static byte[] Serialize(string title, IEnumerable<CalendarEvent> events)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Smile//Site//DE" };
        calendar.AddProperty("X-WR-CALNAME", title);
        calendar.AddTimeZone(TimeZone);
        calendar.Events.AddRange(events);
        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }
}
