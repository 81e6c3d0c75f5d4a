using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Recipes.Tests;

/// <summary>What a recipe may say beyond types and fields: taxonomies, first publication dates, roles.</summary>
public sealed class RecipeFormatTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Recipe = """
        {
          "name": "stadtteile",
          "contentTypes": [
            { "name": "District", "displayName": "Stadtteile", "pathPattern": "/stadtteile/{slug}", "parts": ["Title", "Autoroute"] },
            { "name": "NewsArticle", "displayName": "Aktuelle Beiträge", "pathPattern": "/aktuelles/{slug}", "parts": ["Title", "Autoroute", "MarkdownBody"],
              "fields": [ { "name": "districts", "displayName": "Stadtteile", "kind": "Taxonomy", "settings": { "taxonomy": "District", "multiple": true, "filterable": true } } ] }
          ],
          "roles": [ { "name": "Stadtteilredaktion", "permissions": ["ViewContent", "EditOwnContent"] } ],
          "taxonomies": [
            { "type": "District", "terms": [ { "id": "district-luetten-klein", "title": "Lütten Klein" }, { "id": "district-gross-klein", "title": "Groß Klein", "slug": "gross-klein-nord" } ] }
          ],
          "content": [
            { "id": "news-gruenflaechen", "type": "NewsArticle", "title": "Grünflächen in Groß Klein", "published": true, "publishedAt": "2025-07-15T10:00:00+02:00",
              "body": "Mehr **Grün**.", "fields": { "districts": ["district-gross-klein"] } }
          ]
        }
        """;

    [Theory, MemberData(nameof(Providers))]
    public async Task Taxonomy_terms_become_published_items_with_transliterated_paths(string provider)
    {
        await using var db = await databases.CreateAsync(provider);

        var result = await db.Importer().ImportFileAsync(await db.WriteRecipeAsync("stadtteile.recipe.json", Recipe), Actor.System);

        Assert.Equal(new RecipeImportResult(2, 1, 3, 0, 0), result);
        var luettenKlein = await db.Reader.GetVersionAsync("district-luetten-klein", VersionStatus.Published);
        Assert.Equal(("District", "Lütten Klein", "/stadtteile/luetten-klein"), (luettenKlein!.ContentType, luettenKlein.Title, luettenKlein.Path));
        var grossKlein = await db.Reader.GetByPathAsync("de", "/stadtteile/gross-klein-nord", VersionStatus.Published);
        Assert.Equal("district-gross-klein", grossKlein?.ItemId);
        var news = await db.Reader.GetVersionAsync("news-gruenflaechen", VersionStatus.Published);
        Assert.Equal("/aktuelles/gruenflaechen-in-gross-klein", news!.Path);
        Assert.Equal("<p>Mehr <strong>Grün</strong>.</p>", news.Fields["body"]!["html"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_publication_date_in_the_recipe_becomes_the_first_publication_date(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var importedAt = DateTime.UtcNow.AddSeconds(-1);

        await db.Importer().ImportFileAsync(await db.WriteRecipeAsync("stadtteile.recipe.json", Recipe), Actor.System);

        var expected = new DateTime(2025, 7, 15, 8, 0, 0, DateTimeKind.Utc);
        var item = await db.Reader.GetItemAsync("news-gruenflaechen");
        Assert.Equal(expected, item!.FirstPublishedAt);
        Assert.Equal(DateTimeKind.Utc, item.FirstPublishedAt!.Value.Kind);
        Assert.Equal(expected, (await db.Reader.GetVersionAsync("news-gruenflaechen", VersionStatus.Published))!.PublishedAt);
        // Without a date, an item is first published when it is imported.
        Assert.InRange((await db.Reader.GetItemAsync("district-luetten-klein"))!.FirstPublishedAt!.Value, importedAt, DateTime.UtcNow);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Roles_in_a_recipe_need_the_right_to_manage_users_and_nothing_lands_without_it(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var typeManager = new Actor("typ-verwaltung", new HashSet<Permission> { Permission.ManageContentTypes, Permission.EditAllContent, Permission.PublishAllContent });

        var error = await Assert.ThrowsAsync<RecipeException>(async () =>
            await db.Importer().ImportFileAsync(await db.WriteRecipeAsync("stadtteile.recipe.json", Recipe), typeManager));

        Assert.Equal(("stadtteile.recipe.json", "$.roles"), (error.File, error.JsonPath));
        Assert.Equal("Rollen darf nur importieren, wer Benutzer verwalten darf.", error.Problem);
        await db.AssertEmptyAsync();
    }
}
