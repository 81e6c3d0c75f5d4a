using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Security;
using Smile.Recipes;

namespace Smile.Api.GraphQL.Tests;

public sealed class DynamicSchemaTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>A municipality adds construction sites: a date range and a geo point, no recompiling, no restart.</summary>
    private const string Baustellen = """
        {
          "name": "baustellen",
          "contentTypes": [
            {
              "name": "Baustelle",
              "displayName": "Baustellen",
              "pathPattern": "/baustellen/{slug}",
              "parts": ["Title", "Autoroute"],
              "fields": [
                { "name": "von", "displayName": "Beginn", "kind": "Date", "settings": { "required": true, "filterable": true, "sortable": true } },
                { "name": "bis", "displayName": "Ende", "kind": "Date", "settings": { "filterable": true, "sortable": true } },
                { "name": "ort", "displayName": "Ort", "kind": "GeoPoint" }
              ]
            }
          ],
          "content": [
            { "id": "baustelle-langestrasse", "type": "Baustelle", "title": "Lange Straße", "published": true, "fields": { "von": "2026-03-01", "bis": "2026-06-30", "ort": { "lat": 54.0887, "lon": 12.1373 } } },
            { "id": "baustelle-am-strande", "type": "Baustelle", "title": "Am Strande", "published": true, "fields": { "von": "2026-01-15", "bis": "2026-02-28" } },
            { "id": "baustelle-warnemuende", "type": "Baustelle", "title": "Warnemünde Mole", "published": true, "fields": { "von": "2026-05-01" } }
          ]
        }
        """;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_type_imported_into_a_running_CMS_is_queryable_at_once_filtered_and_ordered(string provider)
    {
        await using var cms = await RunningCms.StartAsync(databases, provider);
        var before = await cms.QueryAsync("{ __type(name: \"Baustelle\") { name } }");
        Assert.Null(before.Data!["__type"]);

        await cms.Services.GetRequiredService<RecipeImporter>().ImportAsync(RecipeReader.Read(Baustellen, "baustellen.recipe.json"), "baustellen.recipe.json", Actor.System);

        var response = await cms.QueryAsync("""
            {
              baustelles(where: { von_gte: "2026-02-01" }, orderBy: [{ von: DESC }]) {
                totalCount
                nodes { title path von bis ort { lat lon } }
              }
            }
            """);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Errors);
        var sites = response.Data!["baustelles"]!;
        Assert.Equal(2, sites["totalCount"]!.GetValue<int>());
        Assert.Equal(["Warnemünde Mole", "Lange Straße"], sites["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
        Assert.Equal("/baustellen/lange-strasse", sites["nodes"]![1]!["path"]!.GetValue<string>());
        Assert.Equal("2026-06-30", sites["nodes"]![1]!["bis"]!.GetValue<string>());
        Assert.Equal(54.0887, sites["nodes"]![1]!["ort"]!["lat"]!.GetValue<double>());
        Assert.Null(sites["nodes"]![0]!["bis"]);
    }
}
