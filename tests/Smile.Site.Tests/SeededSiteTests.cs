using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Smile.Site.Checks;

namespace Smile.Site.Tests;

/// <summary>The site built from the seeded Smile City content: every page type, every output, every check.</summary>
public sealed class SeededSiteTests(SeededSite seeded) : IClassFixture<SeededSite>
{
    private static readonly HtmlParser Parser = new();

    private SiteUnderTest Site => seeded.Site;

    public static TheoryData<string> PageTypes =>
    [
        "index.html",
        "aktuelles/index.html",
        "aktuelles/hafensport-rostock-anlage-im-stadthafen-eroeffnet/index.html",
        "projekte/index.html",
        "handlungsfelder/stadtraum/index.html",
        "stadtteile/dierkow/index.html",
        "videos/index.html",
        "veranstaltungen/index.html",
        "veranstaltungen/eroeffnung-hafensport-rostock/index.html",
        "smarte-hanse/index.html",
        "rostocker-smart-city-expert-innenrat/index.html",
        "wer-wir-sind/index.html",
        "impressum/index.html",
        "themen/index.html",
        "themen/hafensport/index.html",
        "erklaerung-zur-barrierefreiheit/index.html",
        "suche/index.html",
        "404.html",
    ];

    [Theory, MemberData(nameof(PageTypes))]
    public void Every_page_type_is_built_with_one_h1_a_skip_link_to_main_the_legal_links_and_valid_structured_data(string page)
    {
        Assert.True(Site.Exists(page), $"{page} was not built; pages: {string.Join(", ", Site.Pages())}");
        var document = Parser.ParseDocument(Site.Read(page));

        Assert.Equal("de", document.DocumentElement.GetAttribute("lang"));
        Assert.Single(document.QuerySelectorAll("h1"));
        var skip = Assert.IsAssignableFrom<IHtmlAnchorElement>(document.QuerySelector("a"));
        Assert.Equal("#main", skip.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("main#main"));
        Assert.NotNull(document.QuerySelector("header"));
        Assert.NotNull(document.QuerySelector("footer"));
        var footer = document.QuerySelector("footer")!.TextContent;
        Assert.Contains("Impressum", footer, StringComparison.Ordinal);
        Assert.Contains("Datenschutz", footer, StringComparison.Ordinal);
        Assert.Contains("Erklärung zur Barrierefreiheit", footer, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("footer a[href$='#feedback']"));
        Assert.NotEmpty(JsonLd(Site.Read(page)));
    }

    [Fact]
    public void The_built_site_passes_every_check_of_the_check_command()
    {
        Assert.Empty(OutputCheck.Run(Site.Output));
    }

    [Fact]
    public void The_home_page_carries_the_city_text_and_links_to_Leichte_Sprache_and_Gebaerdensprache()
    {
        var home = Parser.ParseDocument(Site.Read("index.html"));
        var main = home.QuerySelector("main")!;

        Assert.Contains("Smart City", home.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rostock ist eine von 73 Modellkommunen in Deutschland", main.TextContent, StringComparison.Ordinal);
        Assert.Contains(main.QuerySelectorAll("a"), a => a.TextContent == "Leichte Sprache");
        Assert.Contains(main.QuerySelectorAll("a"), a => a.TextContent == "Gebärdensprache");
        Assert.Contains(main.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/aktuelles/hafensport-rostock-anlage-im-stadthafen-eroeffnet");
    }

    [Fact]
    public void The_events_page_lists_events_without_a_date_under_their_own_heading()
    {
        var events = Parser.ParseDocument(Site.Read("veranstaltungen/index.html")).QuerySelector("main")!;
        var headings = events.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();

        Assert.Equal(["Kommende Veranstaltungen", "Veranstaltungen ohne festen Termin"], headings);
        Assert.Contains(events.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/veranstaltungen/smart-country-convention-2025");
        Assert.NotNull(events.QuerySelector("a[href='/termine.ics']"));
    }

    [Fact]
    public void Unpublished_items_have_no_page_and_no_link()
    {
        // The seeded videos are drafts until their captions exist.
        Assert.False(Site.Exists("videos/eroeffnung-hafensport-rostock/index.html"));
        Assert.All(Site.Pages(), page => Assert.DoesNotContain("/videos/eroeffnung-hafensport-rostock", Site.Read(page), StringComparison.Ordinal));
    }

    [Fact]
    public void The_news_feeds_parse_as_RSS_and_Atom_with_every_published_article()
    {
        var rss = XDocument.Parse(Site.Read("rss.xml"));
        var atom = XDocument.Parse(Site.Read("atom.xml"));
        XNamespace a = "http://www.w3.org/2005/Atom";

        Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
        var links = rss.Descendants("item").Select(i => i.Element("link")!.Value).ToList();
        Assert.Equal(6, links.Count);
        Assert.Contains("https://smile-city-rostock.example/aktuelles/hafensport-macht-pause-zur-hansesail", links);
        Assert.All(rss.Descendants("item"), i => Assert.True(DateTimeOffset.TryParse(i.Element("pubDate")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)));
        Assert.Equal(a + "feed", atom.Root!.Name);
        Assert.Equal(6, atom.Descendants(a + "entry").Count());
        Assert.All(atom.Descendants(a + "entry"), e => Assert.NotEmpty(e.Element(a + "id")!.Value));
    }

    [Fact]
    public void The_event_calendars_parse_with_IcalNet_one_for_all_and_one_per_event()
    {
        var all = Ical.Net.Calendar.Load(Site.Read("termine.ics"))!;
        var events = Directory.EnumerateFiles(Path.Combine(Site.Output, "veranstaltungen"), "*.ics").ToList();

        Assert.Equal(events.Count, all.Events.Count);
        foreach (var file in events)
        {
            var single = Assert.Single(Ical.Net.Calendar.Load(File.ReadAllText(file))!.Events);
            Assert.Contains(all.Events, e => e.Uid == single.Uid);
        }
    }

    [Fact]
    public void The_sitemap_lists_every_page_and_robots_points_to_it()
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var listed = XDocument.Parse(Site.Read("sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToHashSet();
        var pages = Site.Pages().Where(p => p != "404.html").Select(p => "https://smile-city-rostock.example/" + (p == "index.html" ? "" : p[..^"/index.html".Length]));

        Assert.All(pages, page => Assert.Contains(page, listed));
        Assert.Contains("Sitemap: https://smile-city-rostock.example/sitemap.xml", Site.Read("robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Articles_and_events_carry_schema_org_data_that_parses()
    {
        var article = JsonLd(Site.Read("aktuelles/hafensport-rostock-anlage-im-stadthafen-eroeffnet/index.html"));
        var @event = JsonLd(Site.Read("veranstaltungen/eroeffnung-hafensport-rostock/index.html"));
        var home = JsonLd(Site.Read("index.html"));

        var news = Assert.Single(article, d => d.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal("HafenSport Rostock – Anlage im Stadthafen eröffnet!", news.GetProperty("headline").GetString());
        Assert.Contains(article, d => d.GetProperty("@type").GetString() == "BreadcrumbList");
        var happening = Assert.Single(@event, d => d.GetProperty("@type").GetString() == "Event");
        Assert.StartsWith("https://schema.org/Event", happening.GetProperty("eventStatus").GetString(), StringComparison.Ordinal);
        Assert.Equal("Place", happening.GetProperty("location").GetProperty("@type").GetString());
        Assert.Contains(home, d => d.GetProperty("@type").GetString() == "GovernmentOrganization");
    }

    [Fact]
    public void Pages_have_OpenGraph_and_canonical_links_at_the_public_address()
    {
        var document = Parser.ParseDocument(Site.Read("projekte/index.html"));

        Assert.Equal("https://smile-city-rostock.example/projekte", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://smile-city-rostock.example/projekte", document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("Projekte", document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
    }

    [Fact]
    public void The_accessibility_statement_has_every_required_part()
    {
        var statement = Parser.ParseDocument(Site.Read("erklaerung-zur-barrierefreiheit/index.html"));
        var headings = statement.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();

        Assert.Equal(["Geltungsbereich", "Stand der Vereinbarkeit mit den Anforderungen", "Nicht barrierefreie Inhalte", "Erstellung dieser Erklärung", "Feedback und Kontakt", "Durchsetzungsverfahren"], headings);
        Assert.Contains("teilweise", statement.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Assets_are_fingerprinted_and_nothing_is_loaded_from_another_host()
    {
        var home = Parser.ParseDocument(Site.Read("index.html"));
        var stylesheet = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        Assert.Matches(@"^/assets/css/site\.[0-9a-f]{10}\.css$", stylesheet);
        Assert.True(Site.Exists(stylesheet.TrimStart('/')));
        Assert.All(home.QuerySelectorAll("script[src], link[rel=stylesheet], img, iframe"), e =>
            Assert.StartsWith("/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public void Pagefind_indexes_the_content_pages_with_German_stemming_and_leaves_out_search_and_404()
    {
        var entry = JsonDocument.Parse(Site.Read("pagefind/pagefind-entry.json")).RootElement;
        var german = entry.GetProperty("languages").GetProperty("de");
        var contentPages = Site.Pages().Count(p => p != "404.html" && p != "suche/index.html" && !p.StartsWith("pagefind/", StringComparison.Ordinal));

        Assert.Equal("search index written", seeded.SearchIndex);
        Assert.Equal("de", german.GetProperty("wasm").GetString());
        Assert.Equal(contentPages, german.GetProperty("page_count").GetInt32());
        Assert.True(Site.Exists("pagefind/pagefind.js"));
    }

    private static List<JsonElement> JsonLd(string html) =>
        [.. Parser.ParseDocument(html).QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement)];
}
