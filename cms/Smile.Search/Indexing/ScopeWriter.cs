using Lucene.Net.Index;
using Smile.Content.Definitions;
using Smile.Content.Items;

namespace Smile.Search.Indexing;

/// <summary>Writes versions into one scope's culture indexes: the one step that a rebuild, the outbox follower and the benchmark share.</summary>
public static class ScopeWriter
{
    private static readonly ParallelOptions EveryCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Indexes <paramref name="version"/> in its culture's index and removes the item from every other culture's.</summary>
    public static void Put(IndexSet scope, ContentVersion version, ContentTypeDefinition? type, IReadOnlyDictionary<string, string> termTitles)
    {
        var id = new Term(IndexFields.Id, version.ItemId);
        foreach (var other in scope.All.Where(i => i.Culture != version.Culture))
        {
            other.Writer.DeleteDocuments(id);
        }

        scope.GetOrCreate(version.Culture).Writer.UpdateDocument(id, SearchDocumentBuilder.Build(version, type, termTitles));
    }

    /// <summary>Adds a version known not to be in the index yet (a rebuild): no delete to look up.</summary>
    public static void Add(IndexSet scope, ContentVersion version, ContentTypeDefinition? type, IReadOnlyDictionary<string, string> termTitles) =>
        scope.GetOrCreate(version.Culture).Writer.AddDocument(SearchDocumentBuilder.Build(version, type, termTitles));

    /// <summary>
    /// Adds versions known not to be in the index yet (a rebuild) on every core: an IndexWriter takes documents from
    /// several threads at once, each into a segment of its own, and analysing the words is most of the work.
    /// </summary>
    public static void AddAll(IndexSet scope, IReadOnlyList<ContentVersion> versions, Func<ContentVersion, ContentTypeDefinition?> typeOf, IReadOnlyDictionary<string, string> termTitles) =>
        Parallel.ForEach(versions, EveryCore, version => Add(scope, version, typeOf(version), termTitles));

    /// <summary><see cref="Learn"/> for many versions, on every core (the dictionary takes words from several threads).</summary>
    public static void LearnAll(IndexSet scope, IReadOnlyList<ContentVersion> versions, Func<ContentVersion, ContentTypeDefinition?> typeOf) =>
        Parallel.ForEach(versions, EveryCore, version => Learn(scope, version, typeOf(version)));

    public static void Remove(IndexSet scope, string itemId)
    {
        var id = new Term(IndexFields.Id, itemId);
        foreach (var index in scope.All)
        {
            index.Writer.DeleteDocuments(id);
        }
    }

    /// <summary>
    /// Runs a version's words through the culture's indexing analysis without writing anything, so the
    /// compound dictionary knows every word before the first document is split (a rebuild's first pass).
    /// </summary>
    public static void Learn(IndexSet scope, ContentVersion version, ContentTypeDefinition? type)
    {
        var index = scope.GetOrCreate(version.Culture);
        if (index.Analysis.Dictionary is null)
        {
            return;
        }

        var document = SearchDocumentBuilder.Build(version, type, new Dictionary<string, string>());
        foreach (var field in new[] { IndexFields.Title, IndexFields.Text })
        {
            using var stream = index.Analysis.Indexing.GetTokenStream(field, document.Get(field) ?? "");
            stream.Reset();
            while (stream.IncrementToken())
            {
            }

            stream.End();
        }
    }
}
