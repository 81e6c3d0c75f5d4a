using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Testing;

namespace Smile.Recipes.Tests;

/// <summary>The bundled Smile City Rostock recipe: every type of the design and the real home page content.</summary>
public sealed class SmileCityRecipeTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly string[] DesignTypes =
    [
        "NewsArticle", "Video", "Project", "Event", "Page", "NetworkCity", "NetworkFormat", "ExpertCouncilMember",
        "TeamMember", "Place", "SensorStation", "Datastream", "Tag", "FieldOfAction", "District", "AccessibilityStatement",
    ];

    [Fact]
    public void The_bundled_recipe_is_copied_next_to_the_tests()
    {
        Assert.True(File.Exists(RecipeTestKit.SmileCityPath), RecipeTestKit.SmileCityPath);
        Assert.Equal("smile-city-rostock.recipe.json", Path.GetFileName(RecipeTestKit.SmileCityPath));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_Smile_City_recipe_imports_every_content_type_of_the_design(string provider)
    {
        await using var db = await databases.CreateAsync(provider);

        var result = await db.ImportSmileCityAsync();

        Assert.Equal(new RecipeImportResult(RecipeTestKit.SmileCityTypes, 4, RecipeTestKit.SmileCityItems, 0, 0), result);
        var types = await db.Reader.ListTypesAsync();
        Assert.Equal(DesignTypes.Order(StringComparer.Ordinal), types.Select(t => t.Name));
        Assert.Equal("Aktuelle Beiträge", types.Single(t => t.Name == "NewsArticle").DisplayName);
        Assert.Equal("/aktuelles/{slug}", types.Single(t => t.Name == "NewsArticle").PathPattern);
        var state = await db.StateAsync();
        Assert.Equal(RecipeTestKit.SmileCityItems, state.Items);
        Assert.Equal(RecipeTestKit.SmileCityItems, state.Versions);
        Assert.Equal(RecipeTestKit.SmileCityPublished, state.Published);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_home_page_items_are_there_and_published(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await db.ImportSmileCityAsync();

        var news = await db.Reader.QueryAsync(new ContentQuery { ContentType = "NewsArticle" });
        Assert.Equal(6, news.TotalCount);
        var convention = Assert.Single(news.Items, n => n.Title.Contains("Smart Country Convention 2025", StringComparison.Ordinal) && n.Title.StartsWith("Digitale Lösungen", StringComparison.Ordinal));
        Assert.Equal("news-smart-country-convention-2025", convention.ItemId);
        Assert.True(convention.Published);
        Assert.NotNull(convention.PublishedAt);
        Assert.Equal(["tag-smart-country-convention"], convention.Fields["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        var hafenSport = await db.Reader.GetVersionAsync("project-hafensport", VersionStatus.Published);
        Assert.NotNull(hafenSport);
        Assert.Equal("HafenSport Rostock", hafenSport.Title);
        Assert.Equal("active", hafenSport.Fields["phase"]!.GetValue<string>());
        Assert.Equal(["district-stadtmitte"], hafenSport.Fields["districts"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("/projekte/hafensport-rostock", hafenSport.Path);
        Assert.Equal("2025-07-01", hafenSport.Fields["start"]!.GetValue<string>());

        var pages = await db.Reader.QueryAsync(new ContentQuery { ContentType = "Page", Take = 50 });
        Assert.Equal(10, pages.TotalCount);
        var statement = await db.Reader.GetVersionAsync("accessibility-statement", VersionStatus.Published);
        Assert.NotNull(statement);
        Assert.Equal("/erklaerung-zur-barrierefreiheit", statement.Path);
        foreach (var (title, path) in new[] { ("Wer wir sind", "/wer-wir-sind"), ("Woran wir arbeiten", "/woran-wir-arbeiten"), ("Wie wir arbeiten", "/wie-wir-arbeiten") })
        {
            var page = Assert.Single(pages.Items, p => p.Title == title);
            Assert.Equal(path, page.Path);
            Assert.True(page.Published);
        }

        var cities = await db.Reader.QueryAsync(new ContentQuery { ContentType = "NetworkCity", OrderBy = [new SortKey("order")] });
        Assert.Equal(["Rostock", "Lübeck", "Stralsund", "Wismar"], cities.Items.Select(c => c.Title));
        Assert.All(cities.Items, c => Assert.Null(c.Path));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Paths_use_transliterated_slugs_without_umlauts(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await db.ImportSmileCityAsync();

        var all = await db.Reader.QueryAsync(new ContentQuery { Culture = null, Status = VersionStatus.Latest, Take = 500 });
        var paths = all.Items.Where(v => v.Path is not null).Select(v => v.Path!).ToList();

        // Network cities and formats, council and team members and datastreams have no pages of their own.
        Assert.Equal(55, paths.Count);
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
        Assert.All(paths, path => Assert.Matches("^/[a-z0-9/-]+$", path));
        Assert.Equal(6, paths.Count(p => p.StartsWith("/aktuelles/", StringComparison.Ordinal)));
        Assert.Contains("/aktuelles/hafensport-rostock-anlage-im-stadthafen-eroeffnet", paths);
        // Slugs stop at 80 characters, at a word boundary: "…-2025-werden" loses its last word, not half of it.
        Assert.Contains("/aktuelles/aufruf-fuer-unternehmen-jetzt-partner-auf-der-smart-country-convention-2025", paths);
        Assert.Contains("/ueber-smile-city", paths);
        Assert.Contains("/gebaerdensprache", paths);
        Assert.Contains("/stadtteile/luetten-klein", paths);
        Assert.Contains("/stadtteile/gross-klein", paths);

        var byPath = await db.Reader.GetByPathAsync("de", "/aktuelles/hafensport-rostock-anlage-im-stadthafen-eroeffnet", VersionStatus.Published);
        Assert.Equal("news-hafensport-eroeffnet", byPath?.ItemId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Markdown_bodies_are_stored_with_their_rendered_HTML(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await db.ImportSmileCityAsync();

        var page = await db.Reader.GetVersionAsync("page-wer-wir-sind", VersionStatus.Published);

        var body = page!.Fields["body"]!;
        Assert.StartsWith("Unser sechsköpfiges Team", body["markdown"]!.GetValue<string>(), StringComparison.Ordinal);
        var html = body["html"]!.GetValue<string>();
        Assert.StartsWith("<p>Unser sechsköpfiges Team ist Teil der Rostocker Verwaltung", html, StringComparison.Ordinal);
        Assert.Contains("Bürger*innen", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<p>").Length - 1);
        Assert.DoesNotContain("\\*", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Items_can_be_filtered_by_relation(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await db.ImportSmileCityAsync();

        var dierkow = await db.Reader.QueryAsync(new ContentQuery { ContentType = "Project", Where = new RelatedTo("districts", ["district-dierkow"]) });
        var stadtmitte = await db.Reader.QueryAsync(new ContentQuery
        {
            ContentType = "Project",
            Where = new RelatedTo("districts", ["district-stadtmitte"]),
            OrderBy = [new SortKey(CommonField.Title)],
        });
        var hafenSportNews = await db.Reader.QueryAsync(new ContentQuery
        {
            ContentType = "NewsArticle",
            Where = new RelatedTo("relatedProjects", ["project-hafensport"]),
        });

        Assert.Equal(["project-dierkow-entsiegelung"], dierkow.Items.Select(p => p.ItemId));
        Assert.Equal(["HafenSport Rostock", "Marktkante Rostock", "Stadtlabor"], stadtmitte.Items.Select(p => p.Title));
        Assert.Equal(["news-hafensport-eroeffnet", "news-hafensport-pause-hansesail"], hafenSportNews.Items.Select(n => n.ItemId).Order(StringComparer.Ordinal));
    }
}
