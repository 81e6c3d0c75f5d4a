using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Observations;
using Smile.Storage.Observations;

namespace Smile.Site.Tests;

/// <summary>Station pages show the current reading and a week of hourly readings as an SVG chart, a text and a table; new readings reach them without a publish.</summary>
public sealed class SensorPageTests(TestDatabases databases)
{
    private const string StationPage = "sensoren/sensorstation-dierkow-bodenfeuchte-und-bodentemperatur/index.html";
    private const string Moisture = "datastream-dierkow-bodenfeuchte";

    [Fact]
    public async Task A_station_page_charts_the_readings_and_new_readings_rebuild_it_without_a_publish()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        var start = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        await WriteAsync(site, [.. Enumerable.Range(0, 48).Select(h => new Observation(Moisture, start.AddHours(h), 20 + (h % 12)))]);

        await site.BuildAsync();
        var page = site.Read(StationPage);
        var project = site.Read("projekte/" + ProjectSlug(site) + "/index.html");
        await WriteAsync(site, [new Observation(Moisture, start.AddHours(48), 42.5)]);
        var refresh = await site.BuildAsync();
        var after = site.Read(StationPage);

        Assert.Contains("<svg class=\"chart\"", page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-label=\"Verlauf der stündlichen Mittelwerte: Bodenfeuchte (%)\"", page, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"chart-line\"", page, StringComparison.Ordinal);
        Assert.Contains("niedrigster Wert 20,0&nbsp;%, höchster Wert 31,0&nbsp;%", page, StringComparison.Ordinal);
        Assert.Equal(48, CountOf(page, "<tr><th scope=\"row\">"));
        Assert.Contains("<span class=\"reading-value\">31,0&nbsp;%</span>", page, StringComparison.Ordinal);
        Assert.Contains("/sta/v1.1/Datastreams('" + Moisture + "')/Observations", page, StringComparison.Ordinal);
        Assert.Contains("Bodenfeuchte: <strong>31,0&nbsp;%</strong>", project, StringComparison.Ordinal);
        Assert.True(refresh.ItemsRefreshed > 0);
        Assert.Contains(StationPage, refresh.FilesWritten);
        Assert.Contains("<span class=\"reading-value\">42,5&nbsp;%</span>", after, StringComparison.Ordinal);
        Assert.Equal(49, CountOf(after, "<tr><th scope=\"row\">"));
    }

    [Fact]
    public async Task Without_readings_a_station_page_says_so_and_draws_no_chart()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);

        var report = await site.BuildAsync();
        var nothing = await site.BuildAsync();

        var page = site.Read(StationPage);
        Assert.Contains("Noch keine Messwerte.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg class=\"chart\"", page, StringComparison.Ordinal);
        Assert.Contains(StationPage, report.FilesWritten);
        Assert.Empty(nothing.FilesWritten);
    }

    private static Task<StoredBatch> WriteAsync(SiteUnderTest site, IEnumerable<Observation> observations) =>
        site.Cms.Services.GetRequiredService<ObservationStore>().WriteAsync([.. observations.Select(o => new ObservationWrite(o))], []);

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string ProjectSlug(SiteUnderTest site) =>
        Path.GetFileName(Path.GetDirectoryName(site.Pages().First(p => p.StartsWith("projekte/", StringComparison.Ordinal) && p.Contains("dierkow", StringComparison.Ordinal)))!);
}
