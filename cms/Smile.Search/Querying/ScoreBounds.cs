using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Smile.Search.Querying;

/// <summary>
/// The highest score a word can get in one field of a segment, so that a document matching only where a word scores
/// low can be passed over without scoring it once a page of better hits is full (see <see cref="BestHits"/>).
/// </summary>
/// <remarks>
/// With Lucene's TF-IDF a word's score in a field is √frequency × the field's length norm (its impact), times a
/// factor of the query alone. The highest impact in a segment is found once per word and kept with the segment; the
/// query's factor is read off the word's scorer wherever it stands.
/// </remarks>
internal static class ScoreBounds
{
    /// <summary>A word in fewer documents of a segment is cheap to score everywhere: it gets no bound, which saves finding one.</summary>
    private const int BoundedFrom = 128;

    /// <summary>Scores are rounded products: the bound gives room for a few units in the last place.</summary>
    private const float Room = 1.0001f;

    /// <summary>Per segment (gone with it), the highest impact of each word searched for that is in enough of its documents.</summary>
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Term, float>> HighestImpacts = [];

    /// <summary>
    /// A score that <paramref name="scorer"/> (of <paramref name="query"/>) gives no document of the segment; infinity
    /// when that cannot be known (a query of anything but one term, another similarity, a scorer not on a document)
    /// or is not worth knowing (a rare word).
    /// </summary>
    public static float Of(Scorer scorer, Query query, Similarity similarity, AtomicReaderContext context)
    {
        var doc = scorer.DocID;
        if (query is not TermQuery { Term: var term } || similarity.GetType() != typeof(DefaultSimilarity)
            || scorer.GetCost() < BoundedFrom || doc < 0 || doc == DocIdSetIterator.NO_MORE_DOCS)
        {
            return float.PositiveInfinity;
        }

        var tfidf = (DefaultSimilarity)similarity;
        var reader = context.AtomicReader;
        var norms = reader.GetNormValues(term.Field);
        var highest = HighestImpacts.GetValue(reader.CoreCacheKey, static _ => new()).GetOrAdd(term, static (t, of) => HighestImpact(of.reader, t, of.tfidf, of.norms), (reader, tfidf, norms));
        var impact = Impact(tfidf, scorer.Freq, norms, doc);
        return impact > 0 ? scorer.GetScore() / impact * highest * Room : float.PositiveInfinity;
    }

    private static float Impact(DefaultSimilarity similarity, int freq, NumericDocValues? norms, int doc) =>
        similarity.Tf(freq) * (norms is null ? 1f : similarity.DecodeNormValue(norms.Get(doc)));

    /// <summary>Deleted documents count too: a bound over more documents still holds.</summary>
    private static float HighestImpact(AtomicReader reader, Term term, DefaultSimilarity similarity, NumericDocValues? norms)
    {
        var highest = float.PositiveInfinity;
        if (reader.GetTermDocsEnum(term) is { } documents)
        {
            highest = 0;
            for (var doc = documents.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = documents.NextDoc())
            {
                highest = Math.Max(highest, Impact(similarity, documents.Freq, norms, doc));
            }
        }

        return highest;
    }
}
