using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Items;

namespace Smile.Benchmarks.Scenario;

/// <summary>The NewsArticle type as the storage tests define it, and realistic German input for it.</summary>
internal static class NewsTypes
{
    public const string Article = "NewsArticle";
    public const string Culture = "de";

    public static readonly ContentTypeDefinition Tag = new()
    {
        Name = "Tag",
        DisplayName = "Schlagwort",
        PathPattern = "/themen/{slug}",
        Parts = [ContentPart.Title, ContentPart.Autoroute],
    };

    public static readonly ContentTypeDefinition News = new()
    {
        Name = Article,
        DisplayName = "Aktuelle Beiträge",
        PathPattern = "/aktuelles/{slug}",
        Parts = [ContentPart.Title, ContentPart.Autoroute, ContentPart.MarkdownBody, ContentPart.PublishLater],
        Fields =
        [
            new("teaser", "Teaser", FieldKind.Text, new FieldSettings { Required = true, MaxLength = 300 }),
            new("tags", "Schlagwörter", FieldKind.Taxonomy, new FieldSettings { Taxonomy = "Tag", Multiple = true, Filterable = true }),
        ],
    };

    /// <summary>The same shape under another name: warms the JIT without adding NewsArticles.</summary>
    public static readonly ContentTypeDefinition WarmUp = News with { Name = "WarmUpArticle", PathPattern = "/warm-up/{slug}" };

    public static readonly IReadOnlyList<string> TagNames =
        ["Umwelt", "Stadtraum", "Verwaltungsmodernisierung", "Mobilität", "Bildung", "Beteiligung", "Sensorik", "Open Data"];

    private static readonly string[] Topics =
        ["HafenSport am Stadthafen", "Bodenfeuchte in Dierkow", "Stadtlabor Lütten Klein", "Gemeinschaftsgarten Schmarl", "Digitaltag in Groß Klein", "Marktkante Stadtmitte"];

    public static string TagId(int index) => $"tag-{index}";

    /// <summary>Item <paramref name="number"/>: a unique title (so the slug needs one lookup), a Markdown body and two tags.</summary>
    public static ContentInput ArticleInput(int number) => new()
    {
        Title = $"{Topics[number % Topics.Length]}: Meldung {number}",
        Fields = new JsonObject
        {
            ["teaser"] = $"Was sich bei {Topics[number % Topics.Length]} getan hat – Folge {number}.",
            ["body"] = $"""
                Die **Smile City Rostock** berichtet über Neues aus dem Projekt.

                - Sensoren messen die Bodenfeuchte im Viertel.
                - Die Daten stehen als [Open Data](https://www.smile-city-rostock.de/) bereit.

                Meldung {number} schließt mit einem Dank an alle Beteiligten.
                """,
            ["tags"] = new JsonArray(TagId(number % TagNames.Count), TagId((number + 3) % TagNames.Count)),
        },
    };
}
