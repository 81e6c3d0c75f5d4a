using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Storage.Content;
using Smile.Storage.Diagnostics;

namespace Smile.Api.GraphQL.Tests;

public sealed class BatchLoadingTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Query = """
        query ($first: Int) {
          newsArticles(first: $first) {
            nodes { title path tags { title path } heroImage { url(width: 640) alt } relatedProjects { title districts { title } } previousPaths localizations { culture } }
          }
        }
        """;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_page_of_100_items_with_relations_costs_as_many_round_trips_as_a_page_of_10(string provider)
    {
        // A quiet server: no scheduler tick and no search indexer poll between the two measurements.
        await using var cms = await RunningCms.StartAsync(databases, provider, new Dictionary<string, string?> { ["Smile:Scheduler:Interval"] = "01:00:00", ["Smile:Search:PollInterval"] = "01:00:00" });
        await SeedNewsAsync(cms, 0, 110);
        var counter = cms.Services.GetRequiredService<DatabaseCommandCounter>();
        await MeasureAsync(cms, counter, 1); // builds the schema, which reads the types once

        // Each publish moves the content state, so the published versions shared between requests start
        // anew: both measurements load every relation from the database.
        await SeedNewsAsync(cms, 110, 1);
        var (ten, tenNodes) = await MeasureAsync(cms, counter, 10);
        await SeedNewsAsync(cms, 111, 1);
        var (hundred, hundredNodes) = await MeasureAsync(cms, counter, 100);

        Assert.Equal(10, tenNodes.Count);
        Assert.Equal(100, hundredNodes.Count);
        Assert.All(hundredNodes.Take(100), n => Assert.Equal(3, n!["tags"]!.AsArray().Count));
        Assert.Contains(hundredNodes, n => n!["heroImage"]?["url"]?.GetValue<string>() is { } url && url.EndsWith("/640.webp", StringComparison.Ordinal));
        Assert.Equal(ten, hundred);
        // State, page (no count: totalCount is not asked for), then one batch each: related items (tags and
        // projects together), previous paths, localizations, and the projects' districts one level down.
        Assert.Equal(6, hundred);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Related_items_read_once_serve_every_request_until_the_content_changes(string provider)
    {
        // The response cache off: the same query is executed twice, not answered from memory.
        await using var cms = await RunningCms.StartAsync(databases, provider, new Dictionary<string, string?> { ["Smile:Scheduler:Interval"] = "01:00:00", ["Smile:Search:PollInterval"] = "01:00:00", ["Smile:Api:ResponseCacheMegabytes"] = "0" });
        await SeedNewsAsync(cms, 0, 30);
        var counter = cms.Services.GetRequiredService<DatabaseCommandCounter>();
        var (first, firstNodes) = await MeasureAsync(cms, counter, 20);
        var (second, secondNodes) = await MeasureAsync(cms, counter, 20);

        // The tags, the project and its districts come from the first request: state, page, previous paths, localizations.
        Assert.Equal(4, second);
        Assert.True(first > second, $"The first request read {first} times, the second {second}.");
        Assert.Equal(firstNodes.ToJsonString(), secondNodes.ToJsonString());

        // A tag renamed and published moves the content state: the next answer has the new title at once.
        var tagTitle = firstNodes[0]!["tags"]![0]!["title"]!.GetValue<string>();
        var tags = await cms.Services.GetRequiredService<IContentReader>().QueryAsync(new ContentQuery { ContentType = "Tag", Take = 100 });
        var tag = tags.Items.Single(t => t.Title == tagTitle);
        await cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            var draft = await e.SaveDraftAsync(tag.ItemId, tag.Number, new ContentInput { Title = "Umbenannt", Fields = tag.Fields.DeepClone().AsObject() });
            await e.PublishAsync(draft.ItemId);
        });
        var (_, renamed) = await MeasureAsync(cms, counter, 20);
        Assert.Contains(renamed, n => n!["tags"]!.AsArray().Any(t => t!["title"]!.GetValue<string>() == "Umbenannt"));
    }

    private static async Task<(long Commands, JsonArray Nodes)> MeasureAsync(RunningCms cms, DatabaseCommandCounter counter, int first)
    {
        // Both measurements read the content state fresh, whatever the cache's age.
        cms.Services.GetRequiredService<ContentStateCache>().Invalidate();
        var before = counter.Count;
        var response = await cms.QueryAsync(Query, new { first });
        var commands = counter.Count - before;
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Errors);
        return (commands, response.Data!["newsArticles"]!["nodes"]!.AsArray());
    }

    private static async Task SeedNewsAsync(RunningCms cms, int from, int count)
    {
        var reader = cms.Services.GetRequiredService<IContentReader>();
        var tags = (await reader.QueryAsync(new ContentQuery { ContentType = "Tag", Take = 3, OrderBy = [new SortKey(CommonField.Id)] })).Items.Select(t => t.ItemId).ToArray();
        var project = (await reader.QueryAsync(new ContentQuery { ContentType = "Project", Take = 1, OrderBy = [new SortKey(CommonField.Id)] })).Items[0].ItemId;
        await cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            for (var i = from; i < from + count; i++)
            {
                var v = await e.CreateAsync("NewsArticle", "de", new ContentInput
                {
                    Title = $"Messwert-Meldung {i:D3}",
                    Fields = new JsonObject
                    {
                        ["teaser"] = "Ein Beitrag für den Lasttest.",
                        ["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]),
                        ["relatedProjects"] = new JsonArray(project),
                        ["heroImage"] = new JsonObject { ["mediaId"] = $"bild{i:D3}", ["alt"] = "Sensor im Beet in Dierkow" },
                    },
                });
                await e.PublishAsync(v.ItemId);
            }
        });
    }
}
