using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Searching;
using Smile.Content.Security;
using Smile.Media.Library;
using Smile.Storage.ApiKeys;
using Smile.Storage.Identity;

namespace Smile.Operations.Tests;

/// <summary>A day's work on a seeded CMS: drafts, publishes, an unpublish, a new user, an API key, uploads.</summary>
public static class EditorialDay
{
    public const string EditorEmail = "k.schulz@rostock.de";
    public const string EditorPassword = "Warnemünde-Leuchtturm-1897";
    public const string SearchWord = "Laternenbastler";

    public static async Task WorkAsync(IServiceProvider services)
    {
        var media = services.GetRequiredService<MediaLibrary>();
        var photo = (await media.UploadAsync(new MemoryStream(Picture(640, 360).JpegsaveBuffer(q: 85)), "stadtlabor.jpg", Actor.System)).Asset;
        await media.UploadAsync(new MemoryStream(Picture(300, 300).PngsaveBuffer()), "karte.png", Actor.System); // an unused medium is backed up too
        await media.SetAltSuggestionAsync(photo.Id, "Kinder basteln Laternen im Stadtlabor", Actor.System);

        await services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            await e.CreateAsync("NewsArticle", "de", new ContentInput
            {
                Title = "Laternenbasteln im Stadtlabor",
                Fields = new JsonObject { ["teaser"] = $"Das Stadtlabor öffnet samstags für {SearchWord}.", ["heroImage"] = new JsonObject { ["mediaId"] = photo.Id, ["alt"] = "Kinder mit Laternen" } },
            }, id: "news-laternen");
            await e.PublishAsync("news-laternen");
            await e.SaveDraftAsync("news-laternen", 1, new ContentInput
            {
                Title = "Laternenbasteln im Stadtlabor (ausgebucht)",
                Fields = new JsonObject { ["teaser"] = $"Ausgebucht: das Stadtlabor und die {SearchWord}." },
            });
            await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Entwurf: Karte der Sensoren", Fields = new JsonObject { ["teaser"] = "Noch nicht öffentlich." } }, id: "news-karte-entwurf");
            await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Kurz veröffentlicht", Fields = new JsonObject { ["teaser"] = "Gleich wieder zurückgezogen." } }, id: "news-kurz");
            await e.PublishAsync("news-kurz");
            await e.UnpublishAsync("news-kurz");
        });

        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
            var editor = new SmileUser { UserName = EditorEmail, Email = EditorEmail, DisplayName = "Karin Schulz", CreatedAt = DateTime.UtcNow };
            Check(await users.CreateAsync(editor, EditorPassword));
            Check(await users.AddToRoleAsync(editor, Roles.Editor));
        }

        await services.GetRequiredService<ApiKeyService>().CreateAsync("Baustellen-Import", new HashSet<Permission> { Permission.EditOwnContent }, "cli");
    }

    public static async Task<IReadOnlyList<string>> SearchAsync(IServiceProvider services, string query)
    {
        // As the API asks: consistent with everything committed so far, so the indexer's lag cannot decide the answer.
        var state = await services.GetRequiredService<IContentReader>().StateAsync();
        var result = await services.GetRequiredService<IContentSearch>().SearchAsync(new SearchRequest { Query = query, ConsistentWith = state.OutboxPosition });
        return [.. result.Hits.Select(h => h.ItemId)];
    }

    private static Image Picture(int width, int height)
    {
        using var xyz = Image.Xyz(width, height);
        using var x = xyz.Bandsplit()[0];
        var gradient = (x * (255.0 / width)).Cast(Enums.BandFormat.Uchar);
        return gradient.Bandjoin(255 - gradient, gradient / 2);
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
