using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Api.GraphQL.Execution;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Storage.ApiKeys;
using Snapshooter;
using Snapshooter.Xunit3;

namespace Smile.Api.GraphQL.Tests;

/// <summary>
/// Every query in <c>api-schema/examples</c> runs as is against the seeded CMS on SQLite and PostgreSQL,
/// answers without errors, matches its snapshot (one per example: both databases answer the same), and
/// answers the same when run as a persisted document over GET.
/// </summary>
public sealed class ExampleQueryTests(ExampleCms examples) : IClassFixture<ExampleCms>
{
    /// <summary>Examples that read unpublished content: they send an API key with the preview permission.</summary>
    private static readonly HashSet<string> PreviewExamples = new(StringComparer.Ordinal) { "draft-preview.graphql" };

    /// <summary>Values that differ from run to run: clock readings, outbox positions and cursors.</summary>
    private static readonly HashSet<string> VaryingFields = new(StringComparer.Ordinal) { "publishedAt", "modifiedAt", "createdAt", "occurredAt", "position", "cursor", "endCursor" };

    private static readonly JsonSerializerOptions SnapshotJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(ContractFiles.Examples, "*.graphql").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal))
        {
            data.Add(file, TestDatabases.Sqlite);
            data.Add(file, TestDatabases.Postgres);
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_ten_examples_and_each_says_what_it_shows()
    {
        var files = Directory.GetFiles(ContractFiles.Examples, "*.graphql");

        Assert.True(files.Length >= 10, $"api-schema/examples holds {files.Length} examples; the contract promises at least ten.");
        Assert.All(files, f => Assert.StartsWith("# ", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Examples))]
    public async Task Each_example_runs_as_is_and_answers_as_snapshotted(string example, string provider)
    {

        var cms = await examples.GetAsync(provider);
        var document = await File.ReadAllTextAsync(Path.Combine(ContractFiles.Examples, example));
        var key = PreviewExamples.Contains(example) ? cms.PreviewKey : null;

        var posted = await cms.Cms.QueryAsync(document, configure: request => Authorize(request, key));

        Assert.True(posted.Status == HttpStatusCode.OK && posted.Errors is null, $"{example} on {provider}: HTTP {(int)posted.Status} {posted.Body.ToJsonString()}");
        Assert.NotNull(posted.Data);
        var name = "ExampleQueryTests." + Path.GetFileNameWithoutExtension(example) + ".snap";
        Snapshot.Match(Mask(posted.Data.DeepClone()).ToJsonString(SnapshotJson), new SnapshotFullName(name, SnapshotFolder));

        var persisted = await cms.GetPersistedAsync(PersistedDocuments.IdOf(document), key);

        Assert.True(persisted.Status == HttpStatusCode.OK && persisted.Errors is null, $"{example} as a persisted document: HTTP {(int)persisted.Status} {persisted.Body.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(posted.Data, persisted.Data), $"{example}: GET with documentId answered differently from POST.\nPOST: {posted.Data.ToJsonString()}\nGET: {persisted.Data?.ToJsonString()}");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_draft_example_is_refused_to_anonymous_callers(string provider)
    {
        var cms = await examples.GetAsync(provider);
        var document = await File.ReadAllTextAsync(Path.Combine(ContractFiles.Examples, "draft-preview.graphql"));

        var anonymous = await cms.Cms.QueryAsync(document);

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.Status);
        Assert.Null(anonymous.Data);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Following_the_cursors_of_the_paging_example_visits_every_item_once(string provider)
    {
        var cms = await examples.GetAsync(provider);
        var document = await File.ReadAllTextAsync(Path.Combine(ContractFiles.Examples, "paging-with-cursors.graphql"));
        var seen = new List<string>();
        string? after = null;
        int total;
        do
        {
            var page = await cms.Cms.QueryAsync(document, new { after });
            Assert.True(page.Errors is null, page.Body.ToJsonString());
            var pages = page.Data!["pages"]!;
            total = pages["totalCount"]!.GetValue<int>();
            seen.AddRange(pages["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            after = pages["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? pages["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null && seen.Count <= total);

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Following_the_change_feed_example_reaches_the_latest_public_changes_and_no_drafts(string provider)
    {
        var cms = await examples.GetAsync(provider);
        var document = await File.ReadAllTextAsync(Path.Combine(ContractFiles.Examples, "change-feed.graphql"));
        var changes = new List<(string Kind, string? ItemId, string? Path)>();
        string? after = null;
        do
        {
            var page = await cms.Cms.QueryAsync(document, new { after, first = 50 });
            Assert.True(page.Errors is null, page.Body.ToJsonString());
            var feed = page.Data!["changes"]!;
            changes.AddRange(feed["nodes"]!.AsArray().Select(n => (n!["kind"]!.GetValue<string>(), n["itemId"]?.GetValue<string>(), n["path"]?.GetValue<string>())));
            after = feed["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? feed["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null && changes.Count < 10_000);

        Assert.Contains(("PUBLISHED", "page-ueber-smile-city-en", "/en/about-smile-city"), changes);
        Assert.Contains(changes, c => c.Kind == "SLUG_CHANGED" && c.ItemId == "page-gebaerdensprache" && c.Path == "/deutsche-gebaerdensprache");
        Assert.DoesNotContain(changes, c => c.ItemId == ExampleCms.DraftId);
    }

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static string SnapshotFolder => Path.Combine(ContractFiles.Root, "tests", "Smile.Api.GraphQL.Tests");

    internal static void Authorize(HttpRequestMessage request, string? key)
    {
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }

    /// <summary>Replaces the values that vary per run, in place, so the rest can be compared with the snapshot.</summary>
    private static JsonNode Mask(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj.ToList())
            {
                if (value is not null && VaryingFields.Contains(name))
                {
                    obj[name] = "(varies per run)";
                }
                else if (value is not null)
                {
                    Mask(value);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>())
            {
                Mask(item);
            }
        }

        return node;
    }
}

/// <summary>
/// One seeded CMS per database for all examples, started on first use, with the few things the seed
/// lacks and the examples show: a draft, a hero image, an English translation and a renamed page.
/// </summary>
public sealed class ExampleCms(TestDatabases databases) : IAsyncDisposable
{
    public const string DraftId = "news-entwurf-digitaltag-2026";

    private readonly Dictionary<string, Task<Prepared>> _started = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public sealed record Prepared(RunningCms Cms, string PreviewKey)
    {
        public async Task<GraphQLResponse> GetPersistedAsync(string documentId, string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/graphql?documentId={Uri.EscapeDataString(documentId)}&variables={Uri.EscapeDataString("{}")}");
            ExampleQueryTests.Authorize(request, key);
            using var response = await Cms.Client.SendAsync(request);
            return await GraphQLResponse.ReadAsync(response);
        }
    }

    public Task<Prepared> GetAsync(string provider)
    {
        lock (_gate)
        {
            if (!_started.TryGetValue(provider, out var started))
            {
                started = StartAsync(provider);
                _started[provider] = started;
            }

            return started;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var started in _started.Values)
        {
            if (started.IsCompletedSuccessfully)
            {
                await started.Result.Cms.DisposeAsync();
            }
        }
    }

    private async Task<Prepared> StartAsync(string provider)
    {
        var cms = await RunningCms.StartAsync(databases, provider);
        try
        {
            await AddWhatTheSeedLacksAsync(cms.Services);
            var key = await cms.Services.GetRequiredService<ApiKeyService>()
                .CreateAsync("Beispielabfragen", new HashSet<Permission> { Permission.ViewContent, Permission.PreviewDrafts }, Actor.System.Id);
            return new Prepared(cms, key.Secret);
        }
        catch
        {
            await cms.DisposeAsync();
            throw;
        }
    }

    private static async Task AddWhatTheSeedLacksAsync(IServiceProvider services)
    {
        var content = services.GetRequiredService<ContentService>();
        var reader = services.GetRequiredService<IContentReader>();

        // Six hours of soil moisture in Dierkow, a reading every 20 minutes, for the sensor-readings example.
        var morning = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        await services.GetRequiredService<Smile.Storage.Observations.ObservationStore>().WriteAsync(
            [.. Enumerable.Range(0, 18).Select(i => new Smile.Storage.Observations.ObservationWrite(
                new Smile.Content.Observations.Observation("datastream-dierkow-bodenfeuchte", morning.AddMinutes(20 * i), 30 - (i * 0.5))))],
            []);

        await content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", new ContentInput
        {
            Title = "Entwurf: Smile City beim Digitaltag 2026",
            Fields = new JsonObject
            {
                ["teaser"] = "Noch nicht veröffentlicht: Ankündigung unseres Beitrags zum Digitaltag 2026.",
                ["tags"] = new JsonArray("tag-digitaltag"),
            },
        }, id: DraftId));

        await RepublishAsync(content, reader, "news-hafensport-eroeffnet", fields => fields["heroImage"] = new JsonObject
        {
            ["mediaId"] = "4f1c2a9e7b3d5f60",
            ["alt"] = "Sportgeräte von HafenSport Rostock am Stadthafen, im Hintergrund das Wasser",
        });

        var about = await reader.GetItemAsync("page-ueber-smile-city") ?? throw new InvalidOperationException("The seed has no page-ueber-smile-city.");
        await content.RunAsync(Actor.System, async e =>
        {
            await e.CreateAsync("Page", "en", new ContentInput
            {
                Title = "About Smile City",
                Fields = new JsonObject { ["summary"] = "In Rostock, the smart city is called Smile City.", ["body"] = "Smile City Rostock is a federally funded smart city model project." },
            }, id: "page-ueber-smile-city-en", localizationSet: about.LocalizationSet);
            await e.PublishAsync("page-ueber-smile-city-en");
        });

        await RepublishAsync(content, reader, "page-gebaerdensprache", _ => { }, slug: "deutsche-gebaerdensprache");
    }

    /// <summary>Saves a changed copy of the latest version as a new version and publishes it.</summary>
    private static async Task RepublishAsync(ContentService content, IContentReader reader, string id, Action<JsonObject> change, string? slug = null)
    {
        var item = await reader.GetItemAsync(id) ?? throw new InvalidOperationException($"The seed has no {id}.");
        var latest = await reader.GetVersionAsync(id, VersionStatus.Latest) ?? throw new InvalidOperationException($"{id} has no latest version.");
        var fields = (JsonObject)latest.Fields.DeepClone();
        change(fields);
        await content.RunAsync(Actor.System, async e =>
        {
            await e.SaveDraftAsync(id, item.LatestVersion, new ContentInput { Title = latest.Title, Slug = slug ?? latest.Slug, Fields = fields });
            await e.PublishAsync(id);
        });
    }
}
