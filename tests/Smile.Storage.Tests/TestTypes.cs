using Smile.Content.Definitions;
using Smile.Content.Editing;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Storage.Tests;

/// <summary>Small content types the tests work with, shaped like the Smile City ones.</summary>
internal static class TestTypes
{
    public static readonly ContentTypeDefinition Tag = new()
    {
        Name = "Tag",
        DisplayName = "Schlagwort",
        PathPattern = "/themen/{slug}",
        Parts = [ContentPart.Title, ContentPart.Autoroute],
    };

    public static readonly ContentTypeDefinition News = new()
    {
        Name = "NewsArticle",
        DisplayName = "Aktuelle Beiträge",
        PathPattern = "/aktuelles/{slug}",
        PathPatterns = new Dictionary<string, string> { ["en"] = "/en/news/{slug}" },
        Parts = [ContentPart.Title, ContentPart.Autoroute, ContentPart.MarkdownBody, ContentPart.PublishLater, ContentPart.Localization],
        Fields =
        [
            new("teaser", "Teaser", FieldKind.Text, new FieldSettings { Required = true, MaxLength = 300 }),
            new("heroImage", "Titelbild", FieldKind.Media),
            new("tags", "Schlagwörter", FieldKind.Taxonomy, new FieldSettings { Taxonomy = "Tag", Multiple = true, Filterable = true }),
            new("rank", "Rang", FieldKind.Number, new FieldSettings { Min = 0, Max = 10, Sortable = true, Filterable = true }),
        ],
    };

    public static async Task<TestDatabase> WithTypesAsync(this TestDatabases databases, string provider, TimeProvider? clock = null)
    {
        var db = await databases.CreateAsync(provider, clock);
        await db.Content.RunTypesAsync(Actor.System, async types =>
        {
            await types.SaveTypeAsync(Tag);
            return await types.SaveTypeAsync(News);
        });
        return db;
    }
}
