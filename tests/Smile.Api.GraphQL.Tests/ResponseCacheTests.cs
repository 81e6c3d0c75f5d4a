using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smile.Api.GraphQL.Execution;
using Smile.Api.GraphQL.Transport;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Recipes;
using Smile.Storage.ApiKeys;
using Smile.Storage.Content;
using Smile.Storage.Diagnostics;

namespace Smile.Api.GraphQL.Tests;

/// <summary>The server-side cache of anonymous answers: keyed like the ETag, so content changes show at once.</summary>
public sealed class ResponseCacheTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Titles = "{ newsArticles(first: 100) { nodes { id title } } }";

    private static readonly Dictionary<string, string?> Quiet = new() { ["Smile:Scheduler:Interval"] = "01:00:00", ["Smile:Search:PollInterval"] = "01:00:00" };

    [Theory, MemberData(nameof(Providers))]
    public async Task Publishing_and_unpublishing_change_a_cached_anonymous_answer_at_once(string provider)
    {
        await using var cms = await RunningCms.StartAsync(databases, provider, Quiet);
        const string id = "news-frisch-aus-dem-stadtlabor";
        var before = await cms.QueryAsync(Titles);
        Assert.Equal(before.Body.ToJsonString(), (await cms.QueryAsync(Titles)).Body.ToJsonString());

        await Edit(cms, async e =>
        {
            await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Frisch aus dem Stadtlabor", Fields = new JsonObject { ["teaser"] = "Neu." } }, id);
            await e.PublishAsync(id);
        });
        var published = await cms.QueryAsync(Titles);
        await Edit(cms, e => e.UnpublishAsync(id));
        var unpublished = await cms.QueryAsync(Titles);

        Assert.DoesNotContain(id, Ids(before));
        Assert.Contains(id, Ids(published));
        Assert.DoesNotContain(id, Ids(unpublished));
    }

    [Fact]
    public async Task A_repeated_anonymous_read_is_answered_without_reading_content()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, Quiet);
        await cms.QueryAsync(Titles);

        var (commands, answer) = await CountCommandsAsync(cms, () => cms.QueryAsync(Titles));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.NotEmpty(Ids(answer));
        Assert.Equal(1, commands); // the content state, read afresh; not the page nor its relations
    }

    [Fact]
    public async Task With_the_response_cache_off_every_read_is_executed()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?>(Quiet) { ["Smile:Api:ResponseCacheMegabytes"] = "0" });
        await cms.QueryAsync(Titles);

        var (commands, answer) = await CountCommandsAsync(cms, () => cms.QueryAsync(Titles));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(2, commands); // the content state and the page
    }

    [Fact]
    public async Task A_type_imported_replaces_cached_answers_about_the_schema()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, Quiet);
        const string query = "{ __type(name: \"Baustelle\") { name } }";
        Assert.Null((await cms.QueryAsync(query)).Data!["__type"]);
        Assert.Null((await cms.QueryAsync(query)).Data!["__type"]);

        await cms.Services.GetRequiredService<RecipeImporter>().ImportAsync(RecipeReader.Read(
            """{ "name": "baustellen", "contentTypes": [ { "name": "Baustelle", "displayName": "Baustellen", "parts": ["Title"], "fields": [] } ] }""",
            "baustellen.recipe.json"), "baustellen.recipe.json", Actor.System);

        Assert.Equal("Baustelle", (await cms.QueryAsync(query)).Data!["__type"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_previewers_answer_is_never_served_to_anonymous_callers()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, Quiet);
        const string id = "news-nur-ein-entwurf";
        await Edit(cms, e => e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Nur ein Entwurf", Fields = new JsonObject { ["teaser"] = "Geheim." } }, id));
        var key = await cms.Services.GetRequiredService<ApiKeyService>().CreateAsync("Vorschau", new HashSet<Permission> { Permission.ViewContent, Permission.PreviewDrafts }, "system");
        const string latest = "{ newsArticles(first: 100, status: LATEST) { nodes { id title } } }";

        var previewer = await cms.QueryAsync(latest, configure: r => r.Headers.Add("X-Api-Key", key.Secret));
        var anonymous = await cms.QueryAsync(latest);
        var anonymousPublished = await cms.QueryAsync(Titles);
        var previewerPublished = await cms.QueryAsync(Titles, configure: r => r.Headers.Add("X-Api-Key", key.Secret));

        Assert.Contains(id, Ids(previewer));
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.Status);
        Assert.DoesNotContain("Nur ein Entwurf", anonymous.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(id, Ids(anonymousPublished));
        Assert.DoesNotContain(id, Ids(previewerPublished));
    }

    [Fact]
    public void A_full_cache_starts_over_instead_of_growing()
    {
        var cache = new ResponseCache(Options.Create(new ApiOptions { ResponseCacheMegabytes = 1 }));
        var state = new ContentState(7, 1);
        var answer = new ResponseCache.Entry(new byte[100 * 1024], 200);

        for (var i = 0; i < 30; i++)
        {
            cache.Add("request " + i, state, answer);
        }

        var kept = Enumerable.Range(0, 30).Count(i => cache.TryGet("request " + i, state, out _));
        Assert.InRange(kept, 1, 10);
        Assert.True(cache.TryGet("request 29", state, out _));
    }

    [Fact]
    public void Answers_are_served_only_at_the_state_they_were_computed_at_and_never_kept_for_an_older_one()
    {
        var cache = new ResponseCache(Options.Create(new ApiOptions()));
        var answer = new ResponseCache.Entry([1, 2, 3], 200);
        cache.Add("q", new ContentState(5, 1), answer);

        Assert.True(cache.TryGet("q", new ContentState(5, 1), out _));
        Assert.False(cache.TryGet("q", new ContentState(6, 1), out _));
        Assert.False(cache.TryGet("q", new ContentState(5, 2), out _));
        Assert.False(cache.TryGet("q", new ContentState(5, 1, 1), out _));

        cache.Add("newer", new ContentState(6, 1), answer);
        cache.Add("late", new ContentState(5, 1), answer);

        Assert.False(cache.TryGet("late", new ContentState(5, 1), out _));
        Assert.False(cache.TryGet("q", new ContentState(5, 1), out _));
        Assert.True(cache.TryGet("newer", new ContentState(6, 1), out _));
    }

    private static async Task<(long Commands, GraphQLResponse Answer)> CountCommandsAsync(RunningCms cms, Func<Task<GraphQLResponse>> call)
    {
        cms.Services.GetRequiredService<ContentStateCache>().Invalidate();
        var counter = cms.Services.GetRequiredService<DatabaseCommandCounter>();
        var before = counter.Count;
        var answer = await call();
        return (counter.Count - before, answer);
    }

    private static Task Edit(RunningCms cms, Func<ContentEditor, Task> edit) =>
        cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, edit);

    private static List<string> Ids(GraphQLResponse answer) =>
        [.. answer.Data!["newsArticles"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>())];
}
