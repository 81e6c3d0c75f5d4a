using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Recipes.Tests;

/// <summary>A recipe with any problem is refused whole, naming the file, the JSON path and what is wrong.</summary>
public sealed class BrokenRecipeTests(TestDatabases databases)
{
    private const string FileName = "kaputt.recipe.json";

    /// <summary>Each case breaks one thing in an otherwise valid recipe: (mutation or raw text, JSON path, problem).</summary>
    private static readonly Dictionary<string, (Func<string> Json, string Path, string Problem)> Cases = new()
    {
        // Unparsable text has no structure to point into: the path is the root, the position is line and column.
        ["malformed JSON"] = (() => MalformedJson, "$", "kein gültiges JSON (Zeile 18, Spalte 7)"),
        ["an unknown key"] = (() => Broken(r => Item(r, 1)["titel"] = "Stadtlabor"), "$.content[1].titel", "unbekannter Schlüssel"),
        ["an enumeration value that is not allowed"] = (() => Broken(r => Fields(r, 2)["phase"] = "paused"), "$.content[2].fields.phase", "'paused' ist nicht erlaubt; erlaubt sind planned, active, completed."),
        ["a text over its maximum length"] = (() => Broken(r => Fields(r, 2)["summary"] = new string('x', 41)), "$.content[2].fields.summary", "Der Text ist 41 Zeichen lang; erlaubt sind höchstens 40."),
        ["a missing required field"] = (() => Broken(r => Fields(r, 2).Remove("summary")), "$.content[2].fields.summary", "„Kurzbeschreibung“ ist ein Pflichtfeld."),
        ["an unknown content type"] = (() => Broken(r => Item(r, 2)["type"] = "Newsletter"), "$.content[2].type", "Den Inhaltstyp 'Newsletter' gibt es nicht."),
        ["a reference to a missing id"] = (() => Broken(r => Fields(r, 2)["districts"] = new JsonArray("district-schmarl")), "$.content[2].fields.districts", "Der verknüpfte Inhalt 'district-schmarl' existiert nicht."),
        ["a reference to an item of the wrong type"] = (() => Broken(r => Fields(r, 2)["districts"] = new JsonArray("project-stadtlabor")), "$.content[2].fields.districts", "ist vom Typ Project; erlaubt ist District."),
        ["a duplicate id"] = (() => Broken(r => Item(r, 2)["id"] = "project-stadtlabor"), "$.content[2].id", "die ID 'project-stadtlabor' kommt mehrfach vor."),
        ["an unknown key in a content type"] = (() => Broken(r => TypeField(r, 0)["settings"]!["maxLen"] = 10), "$.contentTypes[1].fields[0].settings.maxLen", "maxLen"),
        ["a field of an unknown kind"] = (() => Broken(r => TypeField(r, 1)["kind"] = "Colour"), "$.contentTypes[1].fields[1].kind", "der Wert \"Colour\" ist nicht erlaubt; erlaubt sind Text, Markdown, Html,"),
        ["an enumeration without allowed values"] = (() => Broken(r => TypeField(r, 1)["settings"]!["allowedValues"] = new JsonArray()), "$.contentTypes[1].fields.phase", "Ein Auswahlfeld braucht erlaubte Werte (allowedValues)."),
        ["an invalid slug"] = (() => Broken(r => Item(r, 2)["slug"] = "Hafen Sport"), "$.content[2].slug", "'Hafen Sport' ist kein gültiger Kurzname"),
    };

    public static TheoryData<string, string> ProvidersAndCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in TestDatabases.Providers)
            {
                foreach (var name in Cases.Keys)
                {
                    data.Add((string)provider.Data, name);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_unbroken_test_recipe_imports(string provider)
    {
        await using var db = await databases.CreateAsync(provider);

        var result = await db.Importer().ImportFileAsync(await db.WriteRecipeAsync(FileName, ValidRecipe().ToJsonString()), Actor.System);

        Assert.Equal(new RecipeImportResult(2, 0, 3, 0, 0), result);
        var state = await db.StateAsync();
        Assert.Equal((2, 3, 3), (state.Types, state.Items, state.Published));
    }

    [Theory, MemberData(nameof(ProvidersAndCases))]
    public async Task A_broken_recipe_is_refused_naming_file_path_and_problem_and_nothing_lands(string provider, string brokenBy)
    {
        await using var db = await databases.CreateAsync(provider);
        var (json, path, problem) = Cases[brokenBy];
        var file = await db.WriteRecipeAsync(FileName, json());

        var error = await Assert.ThrowsAsync<RecipeException>(() => db.Importer().ImportFileAsync(file, Actor.System));

        Assert.Equal(FileName, error.File);
        Assert.Equal(path, error.JsonPath);
        Assert.True(error.Problem.Contains(problem, StringComparison.Ordinal) && error.Problem.Length > 0, $"\"{problem}\" is not in \"{error.Problem}\"");
        Assert.StartsWith($"{FileName}: {path}: ", error.Message, StringComparison.Ordinal);
        await db.AssertEmptyAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_broken_recipe_on_top_of_an_imported_one_changes_nothing(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await db.ImportSmileCityAsync();
        var before = await db.StateAsync();
        var schemaVersion = await db.Reader.SchemaVersionAsync();
        var recipe = JsonNode.Parse(await File.ReadAllTextAsync(RecipeTestKit.SmileCityPath))!.AsObject();
        // Changes that would land before the broken item, had the import not been one transaction:
        var tag = recipe["contentTypes"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "Tag")!;
        tag["fields"]!.AsArray().Add(new JsonObject { ["name"] = "color", ["displayName"] = "Farbe", ["kind"] = "Text" });
        recipe["content"]![0]!["title"] = "Das war die SCCON 2025";
        recipe["content"]![1]!["body"] = "Ein ganz neuer Text.";
        recipe["content"]![2]!["fields"]!["teaser"] = new string('a', 301);
        recipe.Remove("media"); // the images are in the library already; this copy is written without them
        var file = await db.WriteRecipeAsync("smile-city-rostock-geaendert.recipe.json", recipe.ToJsonString());

        var error = await Assert.ThrowsAsync<RecipeException>(() => db.Importer().ImportFileAsync(file, Actor.System));

        Assert.Equal("smile-city-rostock-geaendert.recipe.json", error.File);
        Assert.Equal("$.content[2].fields.teaser", error.JsonPath);
        Assert.Equal("Der Text ist 301 Zeichen lang; erlaubt sind höchstens 300.", error.Problem);
        Assert.Equal(before, await db.StateAsync());
        Assert.Equal(schemaVersion, await db.Reader.SchemaVersionAsync());
        Assert.Empty((await db.Reader.ListTypesAsync()).Single(t => t.Name == "Tag").Fields);
        var first = await db.Reader.GetVersionAsync("news-smart-country-convention-2025", VersionStatus.Latest);
        Assert.StartsWith("Digitale Lösungen im Vordergrund", first!.Title, StringComparison.Ordinal);
        var second = await db.Reader.GetVersionAsync("news-bundeskongress-nsp-18", VersionStatus.Latest);
        Assert.Equal(1, second!.Number);
        Assert.DoesNotContain("Ein ganz neuer Text.", second.Fields["body"]!["markdown"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonObject ValidRecipe() => JsonNode.Parse(ValidJson)!.AsObject();

    private static string Broken(Action<JsonObject> breakIt)
    {
        var recipe = ValidRecipe();
        breakIt(recipe);
        return recipe.ToJsonString();
    }

    private static JsonObject Item(JsonObject recipe, int index) => recipe["content"]![index]!.AsObject();

    private static JsonObject TypeField(JsonObject recipe, int index) => recipe["contentTypes"]![1]!["fields"]![index]!.AsObject();

    private static JsonObject Fields(JsonObject recipe, int index) => Item(recipe, index)["fields"]!.AsObject();

    private const string ValidJson = """
        {
          "name": "kaputt",
          "contentTypes": [
            { "name": "District", "displayName": "Stadtteile", "pathPattern": "/stadtteile/{slug}", "parts": ["Title", "Autoroute"] },
            {
              "name": "Project", "displayName": "Projekte", "pathPattern": "/projekte/{slug}", "parts": ["Title", "Autoroute", "MarkdownBody"],
              "fields": [
                { "name": "summary", "displayName": "Kurzbeschreibung", "kind": "Text", "settings": { "required": true, "maxLength": 40 } },
                { "name": "phase", "displayName": "Projektphase", "kind": "Enumeration", "settings": { "allowedValues": ["planned", "active", "completed"] } },
                { "name": "districts", "displayName": "Stadtteile", "kind": "Taxonomy", "settings": { "taxonomy": "District", "multiple": true, "filterable": true } }
              ]
            }
          ],
          "content": [
            { "id": "district-dierkow", "type": "District", "title": "Dierkow", "published": true },
            { "id": "project-stadtlabor", "type": "Project", "title": "Stadtlabor", "published": true, "body": "Ein *Ort* zum Mitmachen.", "fields": { "summary": "Ein Ort zum Mitmachen.", "phase": "active", "districts": ["district-dierkow"] } },
            { "id": "project-hafensport", "type": "Project", "title": "HafenSport Rostock", "published": true, "fields": { "summary": "Sport am Stadthafen.", "phase": "planned", "districts": ["district-dierkow"] } }
          ]
        }
        """;

    // Line 17 lacks its comma; the parser stumbles over line 18.
    private const string MalformedJson = """
        {
          "name": "kaputt",
          "contentTypes": [
            { "name": "District", "displayName": "Stadtteile", "pathPattern": "/stadtteile/{slug}", "parts": ["Title", "Autoroute"] }
          ],
          "content": [
            {
              "id": "district-dierkow",
              "type": "District",
              "title": "Dierkow",
              "published": true
            },
            {
              "id": "district-stadtmitte",
              "type": "District",
              "title": "Stadtmitte",
              "published": true
              "slug": "stadtmitte"
            }
          ]
        }
        """;
}
