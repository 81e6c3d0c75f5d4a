using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Content.Security;

namespace Smile.Search.Tests;

/// <summary>
/// A result list (id, title, path) is answered from what the index keeps; every other field of a hit is read
/// from its version. Both must give the same answer.
/// </summary>
public sealed class IndexedHitTests(SearchCms cms) : IClassFixture<SearchCms>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_result_list_from_the_index_matches_the_versions_hit_for_hit(string provider)
    {
        var seeded = await cms.GetAsync(provider);
        const string Fields = "__typename id contentType title path culture";

        var listed = await NodesAsync(seeded, $"search(query: $q, first: 50) {{ nodes {{ {Fields} }} }}");
        var read = await NodesAsync(seeded, $"search(query: $q, first: 50) {{ nodes {{ {Fields} published }} }}");

        Assert.True(listed.Count > 3);
        Assert.Equal(read.Select(n => Strip(n, "published")), listed.Select(n => n.ToJsonString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_renamed_item_is_listed_under_its_new_title_in_the_very_next_search(string provider)
    {
        var seeded = await cms.GetAsync(provider);
        var id = "news-umbenannt-" + provider;
        await seeded.CreateAsync(id, "Kranichzählung am Breitling", "Die Kraniche werden gezählt.", publish: true);

        await seeded.Content.RunAsync(Actor.System, async e =>
        {
            await e.SaveDraftAsync(id, 1, new ContentInput { Title = "Kranichzählung an der Warnow", Fields = new JsonObject { ["teaser"] = "Die Kraniche werden gezählt." } });
            await e.PublishAsync(id);
        });
        var nodes = await NodesAsync(seeded, "search(query: $q) { nodes { id title path } }", "Kranichzählung");

        var node = Assert.Single(nodes);
        Assert.Equal("Kranichzählung an der Warnow", node["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("search(query: $q) { nodes { id ... on Project { summary } } }")]
    [InlineData("search(query: $q) { edges { node { ...Summary } } } } fragment Summary on Project { summary")]
    [InlineData("search(query: $q) { nodes { id } } more: search(query: $q) { nodes { ... on Project { summary } } }")]
    [InlineData("search(query: $q) { nodes { id } } search(query: $q) { nodes { ... on Project { summary } } }")]
    public async Task Fields_the_index_does_not_keep_are_read_from_the_version_wherever_they_are_asked(string selection)
    {
        var seeded = await cms.GetAsync(TestDatabases.Sqlite);

        var answer = await seeded.Cms.QueryAsync($"query($q: String!) {{ {selection} }}", new { q = "Bewässerung" });

        Assert.True(answer.Errors is null, answer.Body.ToJsonString());
        var summaries = answer.Body.ToJsonString();
        Assert.Contains("\"summary\":\"", summaries, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<JsonObject>> NodesAsync(SearchCms.Prepared seeded, string selection, string query = "Rostock")
    {
        var answer = await seeded.Cms.QueryAsync($"query($q: String!) {{ {selection} }}", new { q = query });
        Assert.True(answer.Errors is null, answer.Body.ToJsonString());
        return [.. answer.Data!["search"]!["nodes"]!.AsArray().Select(n => n!.AsObject())];
    }

    private static string Strip(JsonObject node, string field)
    {
        var copy = node.DeepClone().AsObject();
        copy.Remove(field);
        return copy.ToJsonString();
    }
}
