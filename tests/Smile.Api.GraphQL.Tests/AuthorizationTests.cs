using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Storage.ApiKeys;
using Smile.Storage.Identity;

namespace Smile.Api.GraphQL.Tests;

/// <summary>Anonymous callers see published content only, on every path; previews need the permission.</summary>
public sealed class AuthorizationTests(SharedCms shared) : IClassFixture<SharedCms>
{
    private static readonly HashSet<Permission> Preview = [Permission.ViewContent, Permission.PreviewDrafts];

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Anonymous_callers_asking_for_drafts_get_403_naming_the_preview_permission_and_no_draft_data(string provider)
    {
        var cms = await shared.GetAsync(provider);
        const string id = "news-geheimer-entwurf";
        await CreateDraftAsync(cms, id, "Geheimer Entwurf zur Marktkante");

        foreach (var status in new[] { "DRAFT", "LATEST", "ALL" })
        {
            string[] queries =
            [
                $"{{ newsArticles(status: {status}) {{ nodes {{ id title }} }} }}",
                $"{{ newsArticle(id: \"{id}\", status: {status}) {{ id title }} }}",
                $"{{ node(id: \"{id}\", status: {status}) {{ id title }} }}",
            ];
            foreach (var query in queries)
            {
                var answer = await cms.PostQueryAsync(query);

                ApiCalls.AssertRefused(answer, HttpStatusCode.Forbidden, $"status {status} needs the preview permission");
                Assert.DoesNotContain("Geheimer Entwurf", answer.Text, StringComparison.Ordinal);
            }

            var byVariable = await cms.PostQueryAsync("query($status: Status) { newsArticles(status: $status) { nodes { title } } }", new { status });
            ApiCalls.AssertRefused(byVariable, HttpStatusCode.Forbidden, "preview permission");
        }

        var published = await cms.PostQueryAsync($$"""{ newsArticle(id: "{{id}}") { title } node(id: "{{id}}") { title } newsArticles(where: { id: "{{id}}" }) { totalCount } }""");
        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.Null(published.Data!["newsArticle"]);
        Assert.Null(published.Data!["node"]);
        Assert.Equal(0, published.Data!["newsArticles"]!["totalCount"]!.GetValue<int>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_API_key_with_PreviewDrafts_reads_drafts_and_one_without_is_refused(string provider)
    {
        var cms = await shared.GetAsync(provider);
        const string id = "news-entwurf-fuer-die-vorschau";
        await CreateDraftAsync(cms, id, "Entwurf für die Vorschau");
        var keys = cms.Services.GetRequiredService<ApiKeyService>();
        var previewer = await keys.CreateAsync("Vorschau der Website", Preview, "system");
        var reader = await keys.CreateAsync("Nur lesen", new HashSet<Permission> { Permission.ViewContent }, "system");

        var drafts = await cms.PostQueryAsync(
            $$"""{ newsArticles(status: DRAFT) { nodes { id title published } } newsArticle(id: "{{id}}", status: LATEST) { title } node(id: "{{id}}", status: DRAFT) { ... on NewsArticle { teaser } } }""",
            configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", previewer.Secret));
        var refused = await cms.PostQueryAsync("{ newsArticles(status: DRAFT) { nodes { id title } } }", configure: r => r.Headers.Add("X-Api-Key", reader.Secret));
        var publishedForReader = await cms.PostQueryAsync("{ newsArticles { totalCount } }", configure: r => r.Headers.Add("X-Api-Key", reader.Secret));

        Assert.Equal(HttpStatusCode.OK, drafts.Status);
        var draft = Assert.Single(drafts.Data!["newsArticles"]!["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == id);
        Assert.False(draft!["published"]!.GetValue<bool>());
        Assert.Equal("Entwurf für die Vorschau", drafts.Data!["newsArticle"]!["title"]!.GetValue<string>());
        Assert.Equal("Nur in der Vorschau zu sehen.", drafts.Data!["node"]!["teaser"]!.GetValue<string>());
        ApiCalls.AssertRefused(refused, HttpStatusCode.Forbidden, "status DRAFT needs the preview permission");
        Assert.DoesNotContain("Entwurf für die Vorschau", refused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, publishedForReader.Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_unknown_or_revoked_API_key_is_refused_with_401_and_not_served_as_anonymous(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var keys = cms.Services.GetRequiredService<ApiKeyService>();
        var revoked = await keys.CreateAsync("Ausgemustert", Preview, "system");
        Assert.True(await keys.RevokeAsync(revoked.Id));

        var unknown = await cms.PostQueryAsync("{ newsArticles { totalCount } }", configure: r => r.Headers.Add("X-Api-Key", "smile_0000000000000000_unbekannt"));
        var notOurs = await cms.PostQueryAsync("{ newsArticles { totalCount } }", configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ghp_somebodyelse"));
        var wasValid = await cms.PostQueryAsync("{ newsArticles { totalCount } }", configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", revoked.Secret));
        var overGet = await cms.GetQueryAsync("{ newsArticles { totalCount } }", configure: r => r.Headers.Add("X-Api-Key", revoked.Secret));

        foreach (var answer in new[] { unknown, notOurs, wasValid, overGet })
        {
            ApiCalls.AssertRefused(answer, HttpStatusCode.Unauthorized, "The API key is unknown or revoked");
            Assert.Null(answer.Data);
        }

        Assert.Null(overGet.ETag);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_owner_is_hidden_from_anonymous_callers_and_shown_to_previewers(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var key = await cms.Services.GetRequiredService<ApiKeyService>().CreateAsync("Redaktion", Preview, "system");
        const string query = "{ newsArticles { nodes { id owner } } node(id: \"project-geoportal\") { owner } }";

        var anonymous = await cms.PostQueryAsync(query);
        var previewer = await cms.PostQueryAsync(query, configure: r => r.Headers.Add("X-Api-Key", key.Secret));

        Assert.Equal(HttpStatusCode.OK, anonymous.Status);
        Assert.NotEmpty(anonymous.Data!["newsArticles"]!["nodes"]!.AsArray());
        Assert.All(anonymous.Data!["newsArticles"]!["nodes"]!.AsArray(), n => Assert.Null(n!["owner"]));
        Assert.Null(anonymous.Data!["node"]!["owner"]);
        Assert.Equal(HttpStatusCode.OK, previewer.Status);
        Assert.All(previewer.Data!["newsArticles"]!["nodes"]!.AsArray(), n => Assert.Equal("system", n!["owner"]!.GetValue<string>()));
        Assert.Equal("system", previewer.Data!["node"]!["owner"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_relation_to_an_unpublished_item_resolves_to_nothing_for_anonymous_callers(string provider)
    {
        var cms = await shared.GetAsync(provider);
        const string query = """
            {
              event(id: "event-eroeffnung-hafensport") { place { id } relatedProjects { id } }
              newsArticle(id: "news-hafensport-eroeffnet") { relatedProjects { id } relatedVideos { id } }
              node(id: "project-hafensport") { id }
              project(id: "project-hafensport") { id }
            }
            """;
        var before = await cms.PostQueryAsync(query);

        await cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            await e.UnpublishAsync("project-hafensport");
            await e.UnpublishAsync("place-hafensport-stadthafen");
        });
        var after = await cms.PostQueryAsync(query);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("place-hafensport-stadthafen", before.Data!["event"]!["place"]!["id"]!.GetValue<string>());
        Assert.Contains(before.Data!["newsArticle"]!["relatedProjects"]!.AsArray(), p => p!["id"]!.GetValue<string>() == "project-hafensport");
        Assert.Empty(before.Data!["newsArticle"]!["relatedVideos"]!.AsArray()); // the seeded video is not published
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Null(after.Json!["errors"]);
        Assert.Null(after.Data!["event"]!["place"]);
        Assert.Empty(after.Data!["event"]!["relatedProjects"]!.AsArray());
        Assert.Empty(after.Data!["newsArticle"]!["relatedProjects"]!.AsArray());
        Assert.Null(after.Data!["node"]);
        Assert.Null(after.Data!["project"]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_change_feed_lists_publications_and_slug_changes_but_never_a_draft_save(string provider)
    {
        var cms = await shared.GetAsync(provider);
        const string feed = "query($after: String) { changes(after: $after, first: 1000) { nodes { position kind itemId path previousPath } pageInfo { hasNextPage endCursor } } }";
        var start = await cms.PostQueryAsync(feed);
        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Contains(Nodes(start), n => n["kind"]!.GetValue<string>() == "PUBLISHED");
        var position = start.Data!["changes"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        const string draftId = "news-entwurf-nicht-im-feed";
        await CreateDraftAsync(cms, draftId, "Entwurf, der nicht im Feed steht");
        var content = cms.Services.GetRequiredService<ContentService>();
        var reader = cms.Services.GetRequiredService<IContentReader>();
        var live = (await reader.GetVersionAsync("news-digitaltag-2025", VersionStatus.Published))!;
        await content.RunAsync(Actor.System, e => e.SaveDraftAsync(live.ItemId, live.Number, new ContentInput { Title = live.Title, Fields = new JsonObject { ["teaser"] = "Nur ein Entwurf der Korrektur." } }));
        var afterDrafts = await cms.PostQueryAsync(feed, new { after = position });

        Assert.Equal(HttpStatusCode.OK, afterDrafts.Status);
        Assert.Empty(Nodes(afterDrafts));
        Assert.DoesNotContain(draftId, afterDrafts.Text, StringComparison.Ordinal);

        var latest = (await reader.GetItemAsync("news-digitaltag-2025"))!;
        await content.RunAsync(Actor.System, async e =>
        {
            await e.SaveDraftAsync(latest.Id, latest.LatestVersion, new ContentInput { Title = live.Title, Slug = "digitaltag-2025-rueckblick", Fields = new JsonObject { ["teaser"] = "Der Rückblick auf den Digitaltag." } });
            await e.PublishAsync(latest.Id);
        });
        var afterPublish = await cms.PostQueryAsync(feed, new { after = position });

        Assert.Equal(HttpStatusCode.OK, afterPublish.Status);
        var changes = Nodes(afterPublish);
        Assert.All(changes, n => Assert.Equal("news-digitaltag-2025", n["itemId"]!.GetValue<string>()));
        Assert.Contains(changes, n => n["kind"]!.GetValue<string>() == "PUBLISHED");
        var moved = Assert.Single(changes, n => n["kind"]!.GetValue<string>() == "SLUG_CHANGED");
        Assert.Equal(live.Path, moved["previousPath"]!.GetValue<string>());
        Assert.Equal("/aktuelles/digitaltag-2025-rueckblick", moved["path"]!.GetValue<string>());
        Assert.DoesNotContain(draftId, afterPublish.Text, StringComparison.Ordinal);
        var everything = await cms.PostQueryAsync(feed);
        Assert.DoesNotContain(Nodes(everything), n => n["itemId"]?.GetValue<string>() == draftId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_request_signed_in_by_cookie_must_carry_the_preflight_header(string provider)
    {
        var cms = await shared.GetAsync(provider);
        var cookie = await EditorCookieAsync(cms);
        const string query = "{ newsArticles(status: LATEST, first: 1) { totalCount nodes { owner } } }";

        var getWithout = await cms.GetQueryAsync(query, configure: r => r.Headers.Add("Cookie", cookie));
        var graphqlBodyWithout = await cms.PostBodyAsync(query, "application/graphql", r => r.Headers.Add("Cookie", cookie));
        var getWith = await cms.GetQueryAsync(query, configure: r =>
        {
            r.Headers.Add("Cookie", cookie);
            r.Headers.Add("GraphQL-Preflight", "1");
        });
        var jsonPost = await cms.PostQueryAsync(query, configure: r => r.Headers.Add("Cookie", cookie));

        ApiCalls.AssertRefused(getWithout, HttpStatusCode.Forbidden, "must send the header 'GraphQL-Preflight: 1'");
        Assert.Null(getWithout.Data);
        ApiCalls.AssertRefused(graphqlBodyWithout, HttpStatusCode.Forbidden, "GraphQL-Preflight");
        Assert.Equal(HttpStatusCode.OK, getWith.Status);
        Assert.Null(getWith.ETag); // an editor's answer is not for shared caches
        Assert.True(getWith.Headers.CacheControl?.NoStore);
        Assert.NotNull(getWith.Data!["newsArticles"]!["nodes"]![0]!["owner"]);
        Assert.Equal(HttpStatusCode.OK, jsonPost.Status); // a JSON body already forces a CORS preflight
    }

    private static List<JsonNode> Nodes(ApiAnswer answer) => [.. answer.Data!["changes"]!["nodes"]!.AsArray().Select(n => n!)];

    private static Task CreateDraftAsync(RunningCms cms, string id, string title) =>
        cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            if (await cms.Services.GetRequiredService<IContentReader>().GetItemAsync(id) is null)
            {
                await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = title, Fields = new JsonObject { ["teaser"] = "Nur in der Vorschau zu sehen." } }, id);
            }
        });

    /// <summary>
    /// The sign-in cookie the host would issue to its administrator. There is no sign-in page yet, so the
    /// ticket is sealed with the host's own cookie options and data protection keys, exactly as the cookie
    /// handler seals it after a sign-in; the host validates it like any other (security stamp included).
    /// </summary>
    private static async Task<string> EditorCookieAsync(RunningCms cms)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
        var admin = await users.FindByEmailAsync("admin@smile.local") ?? throw new InvalidOperationException("The host created no administrator.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<SmileUser>>().CreateAsync(admin);
        Assert.Contains(principal.FindAll("permission"), c => c.Value == nameof(Permission.PreviewDrafts));
        Assert.NotNull(principal.FindFirstValue(ClaimTypes.NameIdentifier));
        var options = cms.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1), AllowRefresh = false }, IdentityConstants.ApplicationScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }
}
