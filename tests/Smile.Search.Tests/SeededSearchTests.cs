using System.Net;
using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Content.Security;

namespace Smile.Search.Tests;

/// <summary>The search field of the public API on the seeded Smile City CMS, on SQLite and PostgreSQL.</summary>
public sealed class SeededSearchTests(SearchCms cms) : IClassFixture<SearchCms>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Bewaesserung_finds_the_Dierkow_project_first(string provider)
    {
        var seeded = await cms.GetAsync(provider);

        var answer = await seeded.SearchAsync("Bewässerung");

        Assert.True(answer.Errors is null, answer.Body.ToJsonString());
        var search = answer.Data!["search"]!;
        Assert.Equal("project-dierkow-entsiegelung", search["nodes"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("Project", search["nodes"]![0]!["__typename"]!.GetValue<string>());
        Assert.Contains("<mark>Bewässerungssysteme</mark>", search["edges"]![0]!["snippets"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Contains(search["facets"]!["districts"]!.AsArray(), d => d!["value"]!.GetValue<string>() == "district-dierkow" && d["label"]!.GetValue<string>() == "Dierkow");
        Assert.Contains(search["facets"]!["fieldsOfAction"]!.AsArray(), f => f!["label"]!.GetValue<string>() == "Umwelt");
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite, "Bürgerinnen", "page-wer-wir-sind")]
    [InlineData(TestDatabases.Sqlite, "Gärten", "project-gemeinschaftsgarten-nordwest")]
    [InlineData(TestDatabases.Sqlite, "Hafensport", "project-hafensport")]
    [InlineData(TestDatabases.Postgres, "Gärten", "place-gemeinschaftsgarten")]
    public async Task German_word_forms_find_the_seeded_content(string provider, string query, string expected)
    {
        var seeded = await cms.GetAsync(provider);

        Assert.Contains(expected, await seeded.FindAsync(query, ", first: 50"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Facet_counts_cover_every_match_and_types_narrow_the_search(string provider)
    {
        var seeded = await cms.GetAsync(provider);

        var all = (await seeded.SearchAsync("HafenSport", ", first: 1")).Data!["search"]!;
        var events = await seeded.FindAsync("HafenSport", ", types: [\"Event\"], first: 50");

        var total = all["totalCount"]!.GetValue<int>();
        Assert.True(total > 1);
        Assert.Equal(total, all["facets"]!["contentTypes"]!.AsArray().Sum(f => f!["count"]!.GetValue<int>()));
        var eventCount = all["facets"]!["contentTypes"]!.AsArray().Single(f => f!["value"]!.GetValue<string>() == "Event")!["count"]!.GetValue<int>();
        Assert.Equal(eventCount, events.Count);
        Assert.True(all["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Paging_with_after_visits_every_hit_once(string provider)
    {
        var seeded = await cms.GetAsync(provider);
        var seen = new List<string>();
        string? after = null;
        int total;
        do
        {
            var page = (await seeded.SearchAsync("Rostock", after is null ? ", first: 5" : $", first: 5, after: \"{after}\"")).Data!["search"]!;
            total = page["totalCount"]!.GetValue<int>();
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null && seen.Count <= total);

        Assert.True(total > 5);
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Drafts_never_appear_for_anonymous_callers(string provider)
    {
        var seeded = await cms.GetAsync(provider);
        var id = "news-entwurf-" + provider;
        await seeded.CreateAsync(id, "Entwurf Zaubertrankwerkstatt", "Noch geheim: die Zaubertrankwerkstatt.", publish: false);

        Assert.Empty(await seeded.FindAsync("Zaubertrankwerkstatt"));
        Assert.Equal([id], await seeded.FindAsync("Zaubertrankwerkstatt", ", status: LATEST", preview: true));
        var refused = await seeded.SearchAsync("Zaubertrankwerkstatt", ", status: LATEST");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Null(refused.Data);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_new_draft_of_a_published_item_stays_out_of_the_public_index(string provider)
    {
        var seeded = await cms.GetAsync(provider);
        var id = "news-neuer-entwurf-" + provider;
        await seeded.CreateAsync(id, "Sommerfest im Stadtlabor", "Das Sommerfest beginnt um zehn.", publish: true);
        await seeded.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(id, 1, new ContentInput
        {
            Title = "Sommerfest im Stadtlabor",
            Fields = new JsonObject { ["teaser"] = "Das Sommerfest beginnt um zehn, mit Kürbissuppenverkostung." },
        }));

        Assert.Equal([id], await seeded.FindAsync("Sommerfest"));
        Assert.Empty(await seeded.FindAsync("Kürbissuppenverkostung"));
        Assert.Equal([id], await seeded.FindAsync("Kürbissuppenverkostung", ", status: LATEST", preview: true));
    }

    /// <summary>
    /// No polling: each search waits (at most a second) for the index to reach the content state of its
    /// request, so the answer right after the change already reflects it.
    /// </summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task Publishing_and_unpublishing_show_in_the_very_next_search(string provider)
    {
        var seeded = await cms.GetAsync(provider);
        var id = "news-flohmarkt-" + provider;

        await seeded.CreateAsync(id, "Flohmarkt am Stadthafen", "Ein Flohmarkt mit Tauschbörse.", publish: true);
        var published = await seeded.FindAsync("Tauschbörse");
        await seeded.Content.RunAsync(Actor.System, e => e.UnpublishAsync(id));
        var unpublished = await seeded.FindAsync("Tauschbörse");

        Assert.Equal([id], published);
        Assert.Empty(unpublished);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Typos_fall_back_to_fuzzy_matches(string provider)
    {
        var seeded = await cms.GetAsync(provider);

        var answer = (await seeded.SearchAsync("Bewässrung")).Data!["search"]!;

        Assert.True(answer["fuzzy"]!.GetValue<bool>());
        Assert.Equal("project-dierkow-entsiegelung", answer["nodes"]![0]!["id"]!.GetValue<string>());
    }

    public static TheoryData<string> HostileInputs() =>
    [
        "\"Smile City",
        "*",
        "title:Rostock AND (",
        "{!} [ ] ^ ~ \\ //",
        "🚀🎉",
        new string('ä', 10_000),
        string.Concat(Enumerable.Repeat("Rostock ", 1_250)),
    ];

    [Theory, MemberData(nameof(HostileInputs))]
    public async Task Hostile_input_over_HTTP_answers_200_without_errors(string input)
    {
        var seeded = await cms.GetAsync(TestDatabases.Sqlite);

        var answer = await seeded.SearchAsync(input);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Errors is null, answer.Body.ToJsonString());
        Assert.NotNull(answer.Data!["search"]!["totalCount"]);
    }

    [Fact]
    public async Task Search_of_a_culture_without_content_finds_nothing()
    {
        var seeded = await cms.GetAsync(TestDatabases.Sqlite);

        Assert.Empty(await seeded.FindAsync("Rostock", ", culture: \"fr\""));
    }

    [Fact]
    public async Task Search_reads_the_English_index_for_English()
    {
        var seeded = await cms.GetAsync(TestDatabases.Sqlite);
        await seeded.Content.RunAsync(Actor.System, async e =>
        {
            await e.CreateAsync("Page", "en", new ContentInput { Title = "Community gardens", Fields = new JsonObject { ["summary"] = "Neighbours are gardening together." } }, id: "page-gardens-en");
            await e.PublishAsync("page-gardens-en");
        });

        Assert.Equal(["page-gardens-en"], await seeded.FindAsync("garden", ", culture: \"en\""));
    }
}
