using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Site.Checks;
using Smile.Site.Content;
using Smile.Site.Themes;

namespace Smile.Site.Tests;

/// <summary>The build refuses content that would make the site inaccessible, and says which item and why.</summary>
public sealed class AccessibilityRuleTests(TestDatabases databases)
{
    [Fact]
    public async Task A_video_with_speech_but_no_captions_stops_the_build_naming_the_video()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        await site.RunAsync(async e =>
        {
            await e.CreateAsync("Video", "de", new ContentInput { Title = "Rundgang HafenSport", Fields = new JsonObject { ["videoUrl"] = "https://www.youtube.com/watch?v=abc123", ["speech"] = "spoken" } }, id: "video-rundgang");
            await e.PublishAsync("video-rundgang");
        });

        var error = await Assert.ThrowsAsync<SiteBuildException>(site.BuildAsync);

        Assert.Contains("Video 'Rundgang HafenSport' (video-rundgang): a video with speech needs captions", error.Message, StringComparison.Ordinal);
        Assert.False(site.Exists("index.html"));
    }

    [Fact]
    public async Task A_sign_language_video_with_a_transcript_is_built_behind_a_two_click_placeholder()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        await site.RunAsync(async e =>
        {
            await e.CreateAsync("Video", "de", new ContentInput
            {
                Title = "Smile City in Gebärdensprache",
                Fields = new JsonObject { ["videoUrl"] = "https://www.youtube.com/watch?v=dgs2025", ["speech"] = "sign-language", ["transcript"] = "Willkommen bei der Smile City Rostock." },
            }, id: "video-dgs");
            await e.PublishAsync("video-dgs");
        });

        await site.BuildAsync();

        var page = site.Read("videos/smile-city-in-gebaerdensprache/index.html");
        Assert.Contains("Video in Deutscher Gebärdensprache", page, StringComparison.Ordinal);
        Assert.Contains("Willkommen bei der Smile City Rostock.", page, StringComparison.Ordinal);
        Assert.Contains("data-video-url=\"https://www.youtube.com/watch?v=dgs2025\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", page, StringComparison.Ordinal);
        Assert.Empty(OutputCheck.Run(site.Output));
    }

    [Fact]
    public async Task An_accessibility_statement_without_its_feedback_contact_stops_the_build()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        await site.EditAsync("accessibility-statement", fields => fields.Remove("feedbackContact"));

        var error = await Assert.ThrowsAsync<SiteBuildException>(site.BuildAsync);

        Assert.Contains("AccessibilityStatement 'Erklärung zur Barrierefreiheit' (accessibility-statement): the accessibility statement lacks the feedback contact (Feedback und Kontakt).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_without_alternative_text_stops_the_build_unless_it_is_decorative()
    {
        var theme = Theme.Load(SiteUnderTest.RepositoryTheme);
        var statement = SiteItem.Parse("""{ "__typename": "AccessibilityStatement", "id": "s", "culture": "de", "title": "Erklärung", "scope": { "html": "x" }, "complianceStatus": "full", "nonAccessibleContent": { "html": "x" }, "assessmentDate": "2026-11-30", "assessmentMethod": "x", "feedbackContact": { "html": "x" }, "enforcementProcedure": { "html": "x" } }""");
        SiteItem Article(string image) => SiteItem.Parse($$"""{ "__typename": "NewsArticle", "id": "news-bild", "culture": "de", "title": "Mit Bild", "path": "/aktuelles/mit-bild", "heroImage": {{image}} }""");

        var missing = Assert.Throws<SiteBuildException>(() => ContentChecks.Verify(new SiteContent([statement, Article("""{ "mediaId": "m1", "alt": "", "decorative": false }""")], theme.Settings.Orders), theme, "de"));
        ContentChecks.Verify(new SiteContent([statement, Article("""{ "mediaId": "m1", "alt": "", "decorative": true }""")], theme.Settings.Orders), theme, "de");
        ContentChecks.Verify(new SiteContent([statement, Article("""{ "mediaId": "m1", "alt": "Die Ausleihbox am Stadthafen", "decorative": false }""")], theme.Settings.Orders), theme, "de");

        Assert.Contains("NewsArticle 'Mit Bild' (news-bild): the image in 'heroImage' (m1) has no alternative text.", missing.Message, StringComparison.Ordinal);
    }
}
