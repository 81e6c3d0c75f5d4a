using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Smile.Content.Definitions;
using Smile.Content.Items;
using Smile.Content.Searching;
using Smile.Search.Indexing;
using Smile.Search.Querying;

namespace Smile.Search.Tests;

/// <summary>Real indexes in a temporary folder, written directly and searched through the search port's query code.</summary>
internal sealed class TemporaryIndexes : IDisposable
{
    public static readonly ContentTypeDefinition Article = new()
    {
        Name = "NewsArticle",
        DisplayName = "Aktuelle Beiträge",
        Parts = [ContentPart.Title, ContentPart.MarkdownBody],
        Fields = [new FieldDefinition("teaser", "Teaser", FieldKind.Text)],
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smile-search-" + Guid.NewGuid().ToString("N")[..12]);

    public TemporaryIndexes(bool splitCompounds = true)
    {
        Indexes = new SearchIndexes(_folder, splitCompounds, NullLogger<SearchIndexes>.Instance);
        Indexes.Open();
    }

    public SearchIndexes Indexes { get; }

    /// <param name="commit">False to leave the item in the writer's buffer, so that the next commit writes many items into one segment.</param>
    public void Add(string id, string title, string text, string culture = "de", bool commit = true)
    {
        var version = new ContentVersion
        {
            ItemId = id,
            Number = 1,
            ContentType = Article.Name,
            Culture = culture,
            LocalizationSet = id,
            Title = title,
            Fields = new JsonObject { ["teaser"] = text },
            OwnerId = "test",
            ModifiedBy = "test",
            Published = true,
            Latest = true,
        };
        ScopeWriter.Put(Indexes.Public, version, Article, new Dictionary<string, string>());
        if (commit)
        {
            Indexes.Commit(Indexes.Position + 1);
        }
    }

    public Task<SearchResult> SearchAsync(string query, string culture = "de") =>
        new LuceneContentSearch(Indexes, null!, Microsoft.Extensions.Options.Options.Create(new SearchOptions()))
            .SearchAsync(new SearchRequest { Query = query, Culture = culture });

    public async Task<IReadOnlyList<string>> FindAsync(string query, string culture = "de") =>
        [.. (await SearchAsync(query, culture)).Hits.Select(h => h.ItemId)];

    public void Dispose()
    {
        Indexes.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
