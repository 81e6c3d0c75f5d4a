using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Smile.Search.Indexing;

namespace Smile.Search.Querying;

/// <summary>
/// Marks a query's words in a hit's text, set up once per search for all hits of its page. Words alone are
/// marked wherever they occur, with their weights taken from the query once; only a query with a phrase
/// needs the positions of each text, which the span scorer finds by indexing that text in memory.
/// </summary>
internal sealed class HitHighlighter
{
    public const int SnippetLength = 160;
    public const int SnippetsPerHit = 2;

    private static readonly SimpleHTMLFormatter Marks = new("<mark>", "</mark>");
    private static readonly MarkupEncoder Encoder = new();

    private readonly Highlighter _highlighter;
    private readonly Analyzer _analyzer;

    /// <param name="query">The rewritten query: fuzzy words already expanded to the terms they matched.</param>
    public HitHighlighter(Query query, Analyzer analyzer)
    {
        _analyzer = analyzer;
        if (HasPhrase(query))
        {
            // Without the reader: weighing each term by its rarity cost a term lookup in every segment for every
            // hit, and passages are still ranked by how many of the query's words they hold.
            var spans = new QueryScorer(query, IndexFields.Text) { ExpandMultiTermQuery = false };
            _highlighter = new Highlighter(Marks, Encoder, spans) { TextFragmenter = new SimpleSpanFragmenter(spans, SnippetLength) };
        }
        else
        {
            _highlighter = new Highlighter(Marks, Encoder, new QueryTermScorer(query, IndexFields.Text)) { TextFragmenter = new SimpleFragmenter(SnippetLength) };
        }
    }

    /// <summary>Passages of the text with the matched words marked; the rest is HTML-escaped by the encoder.</summary>
    public IReadOnlyList<string> Snippets(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        using var tokens = _analyzer.GetTokenStream(IndexFields.Text, text);
        var snippets = new List<string>(SnippetsPerHit);
        foreach (var fragment in _highlighter.GetBestFragments(tokens, text, SnippetsPerHit))
        {
            if (!string.IsNullOrWhiteSpace(fragment))
            {
                snippets.Add(fragment.Trim());
            }
        }

        return snippets;
    }

    private static bool HasPhrase(Query query) => query switch
    {
        PhraseQuery or MultiPhraseQuery => true,
        BooleanQuery boolean => boolean.Clauses.Any(c => HasPhrase(c.Query)),
        FilteredQuery filtered => HasPhrase(filtered.Query),
        _ => false,
    };
}
