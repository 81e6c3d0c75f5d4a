using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Smile.Search.Analysis;
using Smile.Search.Indexing;

namespace Smile.Search.Querying;

/// <summary>
/// Builds the Lucene query from a <see cref="UserQuery"/>: every word must match (in the title, the text
/// or the taxonomy terms, the title counting most), every phrase must match in order. The fuzzy variant
/// lets each word be one or two edits away; phrases stay exact.
/// </summary>
public static class QueryBuilder
{
    /// <summary>Far below Lucene's clause limit, and more than anyone types.</summary>
    public const int MaxTerms = 24;

    public const int MaxPhrases = 8;

    /// <summary>Each fuzzy word expands to up to 50 terms per field: beyond a few words, forgiving typos costs more than it finds.</summary>
    public const int MaxFuzzyTerms = 6;

    private static readonly (string Field, float Boost)[] Fields = [(IndexFields.Title, 3f), (IndexFields.Text, 1f), (IndexFields.Terms, 2f)];

    private static readonly (string Field, string Pairs, float Boost)[] PhraseFields = [(IndexFields.Title, IndexFields.TitlePairs, 3f), (IndexFields.Text, IndexFields.TextPairs, 1f)];

    /// <summary>The query, or null when nothing searchable is left (only stop words, punctuation, emoji).</summary>
    public static Query? Build(UserQuery input, Analyzer analyzer, bool fuzzy)
    {
        var query = new EveryWordQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (term, _) in Analyze(analyzer, input.Words))
        {
            if (seen.Count < MaxTerms && seen.Add(term))
            {
                query.Add(Word(term, fuzzy && seen.Count <= MaxFuzzyTerms));
            }
        }

        foreach (var phrase in input.Phrases.Take(MaxPhrases))
        {
            var tokens = Analyze(analyzer, phrase).Take(MaxTerms).ToList();
            if (tokens.Count == 1)
            {
                query.Add(Word(tokens[0].Term, fuzzy: false));
            }
            else if (tokens.Count > 1)
            {
                query.Add(Phrase(tokens));
            }
        }

        return query.Clauses.Count == 0 ? null : query;
    }

    /// <summary>Restricts a query to content types; the restriction does not change scores.</summary>
    public static Query OfTypes(Query query, IReadOnlyCollection<string> types)
    {
        if (types.Count == 0)
        {
            return query;
        }

        var allowed = new BooleanQuery();
        foreach (var type in types.Take(MaxTerms))
        {
            allowed.Add(new TermQuery(new Term(IndexFields.ContentType, type)), Occur.SHOULD);
        }

        return new FilteredQuery(query, new QueryWrapperFilter(allowed));
    }

    /// <summary>
    /// The same query with Lucene's own boolean queries in place of this builder's, which Lucene matches and scores
    /// with its own scorers: what a search must find and score alike (the tests and the benchmark compare them).
    /// </summary>
    internal static Query AsLucenesOwn(Query query)
    {
        if (query is not BooleanQuery boolean)
        {
            return query;
        }

        var own = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        foreach (var clause in boolean.Clauses)
        {
            own.Add(AsLucenesOwn(clause.Query), clause.Occur);
        }

        return own;
    }

    private static AnyFieldQuery Word(string term, bool fuzzy)
    {
        var anyField = new AnyFieldQuery();
        var edits = fuzzy ? AllowedEdits(term) : 0;
        var automata = new Lucene.Net.Util.AttributeSource();
        foreach (var (field, boost) in Fields)
        {
            Query clause = edits == 0
                ? new TermQuery(new Term(field, term))
                : new SharedAutomataFuzzyQuery(new Term(field, term), edits, prefixLength: 1, automata);
            clause.Boost = boost;
            anyField.Add(clause);
        }

        return anyField;
    }

    /// <summary>
    /// A phrase in the title or the text. Two words that stand next to each other are looked up as their pair, one
    /// term. A longer phrase compares the positions of its words only in the documents that hold every pair of it,
    /// found first; without the pairs, a phrase of common words read the positions of most documents. A phrase with
    /// a gap (a stop word inside it) is matched by positions alone.
    /// </summary>
    private static AnyFieldQuery Phrase(IReadOnlyList<(string Term, int Position)> tokens)
    {
        var anyField = new AnyFieldQuery();
        var adjacent = tokens.Zip(tokens.Skip(1)).All(pair => pair.Second.Position == pair.First.Position + 1);
        foreach (var (field, pairsField, boost) in PhraseFields)
        {
            var pairs = adjacent ? tokens.Zip(tokens.Skip(1), (first, second) => new Term(pairsField, WordPairFilter.Pair(first.Term, second.Term))).ToList() : [];
            Query clause = pairs.Count == 1 ? new TermQuery(pairs[0]) : Positional(field, tokens, pairs);
            clause.Boost = boost;
            anyField.Add(clause);
        }

        return anyField;
    }

    private static Query Positional(string field, IReadOnlyList<(string Term, int Position)> tokens, List<Term> pairs)
    {
        var phrase = new PhraseQuery();
        foreach (var (term, position) in tokens)
        {
            phrase.Add(new Term(field, term), position);
        }

        if (pairs.Count == 0)
        {
            return phrase;
        }

        // The pairs only narrow the documents down (no score); the phrase scores them and is what snippets mark.
        var narrowed = new BooleanQuery { { phrase, Occur.MUST } };
        foreach (var pair in pairs)
        {
            narrowed.Add(new ConstantScoreQuery(new TermQuery(pair)) { Boost = 0 }, Occur.MUST);
        }

        return narrowed;
    }

    /// <summary>Short words forgive nothing ("Tor" is not "Tag"), medium ones one typo, long ones two.</summary>
    private static int AllowedEdits(string term) => term.Length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    private static List<(string Term, int Position)> Analyze(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(IndexFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), Math.Max(position, 0)));
        }

        stream.End();
        return tokens;
    }
}
