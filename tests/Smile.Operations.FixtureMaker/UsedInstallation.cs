using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Storage;
using Smile.Storage.ApiKeys;
using Smile.Storage.Identity;
using Smile.Testing.Cms;

namespace Smile.Operations.FixtureMaker;

/// <summary>
/// A Smile that has been used: the seed recipe, then editors' work (an edit published, a new item, a draft left
/// open), a second user, an API key, sensor readings sent with it. Returns the facts an upgrade must keep.
/// </summary>
public static class UsedInstallation
{
    public const string AdminEmail = "admin@smile.local";

    /// <summary>The fixture's own administrator password (test data only; a real installation has none by default).</summary>
    public const string AdminPassword = "Fixture-Passwort-2026";

    public const string EditorEmail = "redaktion@smile.local";

    public const string Datastream = "datastream-dierkow-bodenfeuchte";

    public static async Task<JsonObject> MakeAsync(IReadOnlyDictionary<string, string?> settings)
    {
        using var cms = new CmsFactory(settings);
        await using var scope = cms.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var content = services.GetRequiredService<ContentService>();
        var reader = services.GetRequiredService<IContentReader>();
        var admin = await services.GetRequiredService<UserManager<SmileUser>>().FindByEmailAsync(AdminEmail)
            ?? throw new InvalidOperationException("The first administrator was not created.");
        var editor = new Actor(admin.Id, Enum.GetValues<Permission>().ToHashSet());

        var news = (await reader.QueryAsync(new ContentQuery { ContentType = "NewsArticle", Take = 2 })).Items;
        var edited = news[0];
        var drafted = news[1];
        const string editedTitle = "Smile City Rostock zieht Bilanz (überarbeitet)";
        const string draftTitle = "Entwurf: noch nicht freigegeben";
        await content.RunAsync(editor, async e =>
        {
            var draft = await e.SaveDraftAsync(edited.ItemId, edited.Number, new ContentInput { Title = editedTitle, Slug = edited.Slug, Fields = edited.Fields.DeepClone().AsObject() });
            await e.PublishAsync(edited.ItemId, draft.Number);
        });
        var created = await content.RunAsync(editor, async e =>
        {
            var version = await e.CreateAsync("NewsArticle", "de", new ContentInput
            {
                Title = "Neue Sensoren im Gemeinschaftsgarten",
                Fields = new JsonObject { ["teaser"] = "Drei Bodenfeuchtesensoren messen jetzt auch im Gemeinschaftsgarten.", ["body"] = "Seit dieser Woche **messen** drei weitere Sensoren." },
            });
            return await e.PublishAsync(version.ItemId);
        });
        await content.RunAsync(editor, e => e.SaveDraftAsync(drafted.ItemId, drafted.Number, new ContentInput { Title = draftTitle, Slug = drafted.Slug, Fields = drafted.Fields.DeepClone().AsObject() }));

        var user = await services.GetRequiredService<UserAdministration>().CreateUserAsync(editor, EditorEmail, "Redaktion Smile City", ["Editor"]);
        var key = await services.GetRequiredService<ApiKeyService>().CreateAsync("Sensor-Gateway Dierkow", new HashSet<Permission> { Permission.IngestObservations }, admin.Id);

        using var client = cms.CreateClient();
        double[] readings = [21.5, 22.75, 23.25];
        for (var i = 0; i < readings.Length; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/sta/v1.1/Observations")
            {
                Content = JsonContent.Create(new JsonObject
                {
                    ["phenomenonTime"] = new DateTime(2026, 11, 30, 8 + i, 0, 0, DateTimeKind.Utc).ToString("O"),
                    ["result"] = readings[i],
                    ["Datastream"] = new JsonObject { ["@iot.id"] = Datastream },
                }),
            };
            request.Headers.Add("X-Api-Key", key.Secret);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<SmileDbContext>>().CreateDbContextAsync();
        var all = await reader.QueryAsync(new ContentQuery { Culture = null, Status = VersionStatus.All, Take = 0 });
        return new JsonObject
        {
            ["schema"] = db.Database.GetMigrations().Last(),
            ["items"] = all.TotalCount,
            ["publishedNews"] = (await reader.QueryAsync(new ContentQuery { ContentType = "NewsArticle", Take = 0 })).TotalCount,
            ["auditEntries"] = await db.Audit.CountAsync(),
            ["edited"] = new JsonObject { ["id"] = edited.ItemId, ["title"] = editedTitle, ["previousTitle"] = edited.Title },
            ["created"] = new JsonObject { ["id"] = created.ItemId, ["title"] = created.Title, ["path"] = created.Path },
            ["drafted"] = new JsonObject { ["id"] = drafted.ItemId, ["publishedTitle"] = drafted.Title, ["draftTitle"] = draftTitle },
            ["editor"] = new JsonObject { ["id"] = user.Id, ["email"] = EditorEmail },
            ["adminEmail"] = AdminEmail,
            ["adminPassword"] = AdminPassword,
            ["apiKey"] = new JsonObject { ["id"] = key.Id, ["secret"] = key.Secret },
            ["observations"] = new JsonObject { ["datastream"] = Datastream, ["count"] = readings.Length, ["latest"] = readings[^1] },
        };
    }
}
