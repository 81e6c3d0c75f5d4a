using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Ingestion.Calendar;

namespace Smile.Ingestion.Tests;

public sealed class CalendarImportTests(TestDatabases databases)
{
    private const string Feed = "https://kalender.example.rostock.de/smile-city.ics";
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan Past = TimeSpan.FromDays(30);
    private static readonly TimeSpan Ahead = TimeSpan.FromDays(365);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_recurring_event_keeps_its_Berlin_time_across_the_clock_change_and_a_cancelled_one_is_marked(string provider)
    {
        await using var cms = await RunningCms.StartAsync(databases, provider);
        var importer = cms.Services.GetRequiredService<CalendarImporter>();
        var monday = NextMonday();

        var report = await importer.ImportAsync(Feed, Ics(monday, withCancelled: true, exclude: null), Past, Ahead);
        var events = await ImportedAsync(cms);

        var weekly = events.Where(e => e.Fields["sourceUid"]!.GetValue<string>().StartsWith("stammtisch@smile", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, report.Created);
        Assert.Equal(10, weekly.Count);
        Assert.All(weekly, e => Assert.Equal(18, TimeZoneInfo.ConvertTimeFromUtc(Start(e), Berlin).Hour));
        Assert.Equal([16, 17], weekly.Select(e => Start(e).Hour).Distinct().Order()); // summer and winter time both
        Assert.Equal("cancelled", events.Single(e => e.Title == "Bürgerdialog Dierkow").Fields["eventStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reimporting_unpublishes_what_left_the_feed_and_leaves_an_event_an_editor_changed_alone()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);
        var importer = cms.Services.GetRequiredService<CalendarImporter>();
        var monday = NextMonday();
        await importer.ImportAsync(Feed, Ics(monday, withCancelled: true, exclude: null), Past, Ahead);
        var edited = CalendarImporter.ItemIdFor(Feed, "stammtisch@smile-city-rostock.de/" + Utc(monday.AddDays(28)).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        var editor = new Actor("redaktion-1", new HashSet<Permission> { Permission.EditAllContent, Permission.PublishAllContent });
        await cms.Services.GetRequiredService<ContentService>().RunAsync(editor, async e =>
        {
            var latest = await cms.Services.GetRequiredService<IContentReader>().GetVersionAsync(edited, VersionStatus.Latest);
            var fields = (JsonObject)latest!.Fields.DeepClone();
            fields["locationText"] = "Stadtlabor, Raum 2";
            fields.Remove("body");
            await e.SaveDraftAsync(edited, latest.Number, new ContentInput { Title = latest.Title, Slug = latest.Slug, Fields = fields });
            await e.PublishAsync(edited);
        });

        var report = await importer.ImportAsync(Feed, Ics(monday, withCancelled: false, exclude: monday.AddDays(56), summary: "Stammtisch Smart City (neu)"), Past, Ahead);
        var kept = await cms.Services.GetRequiredService<IContentReader>().GetVersionAsync(edited, VersionStatus.Published);
        var all = await ImportedAsync(cms, VersionStatus.Latest);

        Assert.Equal([edited], report.KeptEdited);
        Assert.Equal(2, report.Unpublished); // the dialogue left the feed; one occurrence was excluded
        Assert.Equal("Stammtisch Smart City", kept!.Title);
        Assert.Equal("Stadtlabor, Raum 2", kept.Fields["locationText"]!.GetValue<string>());
        Assert.Equal(11, all.Count); // unpublished, never deleted
        Assert.Equal(8, report.Updated);
    }

    private static async Task<List<ContentVersion>> ImportedAsync(RunningCms cms, VersionStatus status = VersionStatus.Published)
    {
        var page = await cms.Services.GetRequiredService<IContentReader>().QueryAsync(new ContentQuery
        {
            ContentType = "Event",
            Culture = null,
            Status = status,
            Where = new Compare("sourceFeed", FilterOperator.Equal, Feed),
            Take = 100,
        });
        return [.. page.Items];
    }

    private static DateTime Start(ContentVersion e) => DateTime.Parse(e.Fields["start"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    private static DateTime NextMonday()
    {
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Berlin).Date;
        return today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7).AddHours(18);
    }

    private static DateTime Utc(DateTime berlin) => TimeZoneInfo.ConvertTimeToUtc(berlin, Berlin);

    /// <summary>Every fourth Monday at 18:00 Berlin time, ten times: 36 weeks, more than the 31 between clock changes; and a cancelled dialogue.</summary>
    private static string Ics(DateTime monday, bool withCancelled, DateTime? exclude, string summary = "Stammtisch Smart City")
    {
        string Local(DateTime t) => t.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hansestadt Rostock//Smile//DE",
            "BEGIN:VEVENT", "UID:stammtisch@smile-city-rostock.de", "DTSTAMP:20260101T000000Z",
            $"DTSTART;TZID=Europe/Berlin:{Local(monday)}", $"DTEND;TZID=Europe/Berlin:{Local(monday.AddHours(2))}",
            "RRULE:FREQ=WEEKLY;INTERVAL=4;COUNT=10", $"SUMMARY:{summary}", "LOCATION:Stadtlabor\\, Rostock", "DESCRIPTION:Offener Austausch zur Smart City.",
        };
        if (exclude is { } excluded)
        {
            lines.Add($"EXDATE;TZID=Europe/Berlin:{Local(excluded)}");
        }

        lines.Add("END:VEVENT");
        if (withCancelled)
        {
            lines.AddRange(["BEGIN:VEVENT", "UID:dialog-dierkow@smile-city-rostock.de", "DTSTAMP:20260101T000000Z",
                $"DTSTART;TZID=Europe/Berlin:{Local(monday.AddDays(3).AddHours(-1))}", $"DTEND;TZID=Europe/Berlin:{Local(monday.AddDays(3).AddHours(1))}",
                "SUMMARY:Bürgerdialog Dierkow", "STATUS:CANCELLED", "END:VEVENT"]);
        }

        lines.Add("END:VCALENDAR");
        return string.Join("\r\n", lines) + "\r\n";
    }
}
