using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;

namespace Smile.Search.Analysis;

/// <summary>The analyzers of one culture's index: one for indexing, one for queries (and snippets).</summary>
public sealed class CultureAnalysis : IDisposable
{
    private readonly Analyzer _words;

    private CultureAnalysis(Analyzer indexing, Analyzer querying, CompoundDictionary? dictionary)
    {
        _words = indexing;
        Indexing = new WordPairAnalyzer(indexing);
        Querying = querying;
        Dictionary = dictionary;
    }

    /// <summary>The indexing analysis of every field: words, and for the pair fields adjacent words paired.</summary>
    public Analyzer Indexing { get; }

    public Analyzer Querying { get; }

    /// <summary>The compound dictionary of a German index; null elsewhere or when splitting is off.</summary>
    public CompoundDictionary? Dictionary { get; }

    /// <summary>German for <c>de</c> and every <c>de-*</c> (Leichte Sprache is German); English for <c>en*</c>; else neutral.</summary>
    public static CultureAnalysis For(string culture, bool splitCompounds)
    {
        if (IsGerman(culture))
        {
            var dictionary = splitCompounds ? new CompoundDictionary() : null;
            return new CultureAnalysis(new GermanSearchAnalyzer(dictionary, learn: true), new GermanSearchAnalyzer(null, learn: false), dictionary);
        }

        if (culture == "en" || culture.StartsWith("en-", StringComparison.Ordinal))
        {
            var english = new EnglishAnalyzer(SearchVersion.Lucene);
            return new CultureAnalysis(english, english, null);
        }

        var neutral = new StandardAnalyzer(SearchVersion.Lucene);
        return new CultureAnalysis(neutral, neutral, null);
    }

    public static bool IsGerman(string culture) => culture == "de" || culture.StartsWith("de-", StringComparison.Ordinal);

    public void Dispose()
    {
        Indexing.Dispose();
        _words.Dispose();
        if (Querying != _words)
        {
            Querying.Dispose();
        }
    }
}
