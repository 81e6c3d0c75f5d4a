using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Smile.Content.Items;
using Smile.Site.Checks;

namespace Smile.Site.Tests;

/// <summary>German and English versions point to each other with hreflang; Leichte Sprache is linked visibly instead.</summary>
public sealed class LanguageVersionTests(TestDatabases databases)
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Translations_are_linked_with_hreflang_and_Leichte_Sprache_visibly_without_it()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        await site.RunAsync(async e =>
        {
            var english = await e.LocalizeAsync("news-hafensport-eroeffnet", "en");
            await e.SaveDraftAsync(english.ItemId, english.Number, new ContentInput { Title = "HafenSport Rostock opens at the city harbour", Slug = "hafensport-rostock-opens-at-the-city-harbour", Fields = Fields(english, "The HafenSport area at the city harbour is open.") });
            await e.PublishAsync(english.ItemId);
            var easy = await e.LocalizeAsync("news-hafensport-eroeffnet", "de-x-ls");
            await e.SaveDraftAsync(easy.ItemId, easy.Number, new ContentInput { Title = "HafenSport ist offen", Slug = "hafensport-ist-offen", Fields = Fields(easy, "Am Stadt-Hafen gibt es jetzt HafenSport.") });
            await e.PublishAsync(easy.ItemId);
        });

        await site.BuildAsync();

        var german = Parser.ParseDocument(site.Read("aktuelles/hafensport-rostock-anlage-im-stadthafen-eroeffnet/index.html"));
        var english = Parser.ParseDocument(site.Read("en/news/hafensport-rostock-opens-at-the-city-harbour/index.html"));
        var easy = Parser.ParseDocument(site.Read("leichte-sprache/aktuelles/hafensport-ist-offen/index.html"));

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("de", easy.DocumentElement.GetAttribute("lang"));
        Assert.Contains("leichte-sprache", easy.DocumentElement.ClassList);
        Assert.Equal("https://smile-city-rostock.example/en/news/hafensport-rostock-opens-at-the-city-harbour", german.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href"));
        Assert.Equal("https://smile-city-rostock.example/aktuelles/hafensport-rostock-anlage-im-stadthafen-eroeffnet", english.QuerySelector("link[rel=alternate][hreflang=de]")!.GetAttribute("href"));
        Assert.Null(german.QuerySelector("link[hreflang='de-x-ls']"));
        var easyLink = german.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == "/leichte-sprache/aktuelles/hafensport-ist-offen");
        Assert.Equal("Leichte Sprache", easyLink.TextContent);
        Assert.Null(easyLink.GetAttribute("hreflang"));
        Assert.Contains(english.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/impressum" && a.GetAttribute("lang") == "de");
        Assert.True(site.Exists("en/index.html"));
        Assert.True(site.Exists("en/rss.xml"));
        Assert.Empty(OutputCheck.Run(site.Output));
    }

    private static JsonObject Fields(ContentVersion version, string teaser)
    {
        var fields = (JsonObject)version.Fields.DeepClone();
        fields["teaser"] = teaser;
        return fields;
    }
}
