using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.Extensions.Logging;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Routing;
using Smile.Content.Security;
using IcalCalendar = Ical.Net.Calendar;

namespace Smile.Ingestion.Calendar;

/// <summary>
/// Imports one iCalendar feed into Event items, in one transaction. Each occurrence in the window is an item
/// whose id derives from feed, UID and (for recurring events) the occurrence's start, so a re-import updates
/// instead of duplicating. Times are converted from the event's own time zone to UTC. An occurrence that left
/// the feed is unpublished, never deleted; an item whose latest version an editor saved is left alone and reported.
/// </summary>
public sealed partial class CalendarImporter(ContentService content, IContentReader reader, TimeProvider clock, ILogger<CalendarImporter> logger)
{
    public const string EventType = "Event";

    /// <summary>The importer acts as itself: its versions are recognisable, an editor's are not overwritten.</summary>
    public static readonly Actor ImporterActor = new("calendar-import", new HashSet<Permission> { Permission.EditAllContent, Permission.PublishAllContent });

    public async Task<CalendarImportReport> ImportAsync(string feed, string ics, TimeSpan windowPast, TimeSpan windowAhead, CancellationToken cancellationToken = default)
    {
        var calendar = IcalCalendar.Load(ics) ?? throw new FormatException($"Feed {feed} holds no calendar.");
        var now = clock.GetUtcNow().UtcDateTime;
        var windowStart = now - windowPast;
        var occurrences = calendar.GetOccurrences(new CalDateTime(windowStart, "UTC"))
            .TakeWhileBefore(new CalDateTime(now + windowAhead, "UTC"))
            .Where(o => o.Source is CalendarEvent)
            .Select(o => (Event: (CalendarEvent)o.Source, o.Period))
            .ToList();

        var existing = await ImportedFromAsync(feed, cancellationToken);
        return await content.RunAsync(ImporterActor, async editor =>
        {
            int created = 0, updated = 0, unchanged = 0, unpublished = 0;
            var kept = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (evt, period) in occurrences)
            {
                var start = period.StartTime.AsUtc;
                var recurring = evt.RecurrenceRule is not null || evt.RecurrenceDates.GetAllPeriods().Any() || evt.RecurrenceIdentifier is not null;
                var sourceUid = recurring ? $"{evt.Uid}/{start.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}" : evt.Uid ?? "";
                var id = ItemIdFor(feed, sourceUid);
                if (!seen.Add(id))
                {
                    continue;
                }

                if (existing.TryGetValue(id, out var current) && current.ModifiedBy != ImporterActor.Id)
                {
                    kept.Add(id);
                    LogKeptEdited(logger, id, evt.Summary ?? "", current.ModifiedBy);
                    continue;
                }

                var outcome = await editor.ImportAsync(id, EventType, "de", InputFor(feed, sourceUid, evt, period), publish: true, cancellationToken: cancellationToken);
                switch (outcome)
                {
                    case ImportOutcome.Created: created++; break;
                    case ImportOutcome.Updated: updated++; break;
                    default: unchanged++; break;
                }
            }

            foreach (var (id, version) in existing)
            {
                // Gone from the feed: offline, kept for the record. Occurrences that merely fell out of the
                // window behind us are history, not cancellations, and stay as they are.
                if (!seen.Contains(id) && version.Published && version.ModifiedBy == ImporterActor.Id && StartOf(version) >= windowStart)
                {
                    await editor.UnpublishAsync(id, cancellationToken);
                    unpublished++;
                }
            }

            return new CalendarImportReport(created, updated, unchanged, unpublished, kept);
        }, cancellationToken);
    }

    /// <summary>A stable, valid item id (a–z, 0–9, hyphens) for an occurrence of a feed.</summary>
    public static string ItemIdFor(string feed, string sourceUid) =>
        "ics-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(feed + "\n" + sourceUid)))[..32];

    private static ContentInput InputFor(string feed, string sourceUid, CalendarEvent evt, Period period)
    {
        var start = period.StartTime.AsUtc;
        var end = period.EffectiveEndTime?.AsUtc ?? start;
        var title = string.IsNullOrWhiteSpace(evt.Summary) ? "Termin" : evt.Summary.Trim();
        var berlinDate = TimeZoneInfo.ConvertTimeFromUtc(start, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var fields = new JsonObject
        {
            ["start"] = Iso(start),
            ["end"] = Iso(end),
            ["sourceFeed"] = feed,
            ["sourceUid"] = sourceUid,
            ["eventStatus"] = string.Equals(evt.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase) ? "cancelled" : "scheduled",
        };
        if (!string.IsNullOrWhiteSpace(evt.Description))
        {
            fields["body"] = evt.Description.Trim();
        }

        if (!string.IsNullOrWhiteSpace(evt.Location))
        {
            fields["locationText"] = Truncate(evt.Location.Trim(), 300);
        }

        if (evt.Organizer?.CommonName is { Length: > 0 } organizer)
        {
            fields["organizer"] = Truncate(organizer, 200);
        }

        // Dated slugs: a weekly event has many occurrences with one title.
        var slug = Slugs.FromTitle(title) + "-" + berlinDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ContentInput { Title = Truncate(title, 200), Slug = slug, Fields = fields };
    }

    private async Task<Dictionary<string, ContentVersion>> ImportedFromAsync(string feed, CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, ContentVersion>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += 100)
        {
            var page = await reader.QueryAsync(new ContentQuery
            {
                ContentType = EventType,
                Culture = null,
                Status = VersionStatus.Latest,
                Where = new Compare("sourceFeed", FilterOperator.Equal, feed),
                Offset = offset,
                Take = 100,
                OrderBy = [new Smile.Content.Querying.SortKey(CommonField.Id)],
                IncludeTotalCount = false,
            }, cancellationToken);
            foreach (var version in page.Items)
            {
                items[version.ItemId] = version;
            }

            if (!page.HasMore)
            {
                return items;
            }
        }
    }

    private static DateTime StartOf(ContentVersion version) =>
        version.Fields["start"] is JsonValue start && DateTime.TryParse(start.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var utc) ? utc : DateTime.MaxValue;

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar import: event {ItemId} ({Title}) was changed by {Editor} and is not overwritten; merge the feed's changes by hand")]
    private static partial void LogKeptEdited(ILogger logger, string itemId, string title, string editor);
}
