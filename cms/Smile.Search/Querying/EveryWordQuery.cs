using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Smile.Search.Querying;

/// <summary>
/// Every word (or phrase) in any of its fields: scored exactly as a <see cref="BooleanQuery"/> of required
/// <see cref="AnyFieldQuery"/> clauses, matched by one scorer that moves the fields' scorers itself.
/// </summary>
/// <remarks>
/// Two common words match most documents, and Lucene's conjunction asks each word's scorer, which asks each field's:
/// two virtual calls for every step of every field. Here the fields' scorers of all words sit in one place, each step
/// moves only the fields that stand behind, and the sum of the words' bounds tells a collector when scoring can wait.
/// </remarks>
internal sealed class EveryWordQuery : BooleanQuery
{
    public void Add(Query word) => Add(word, Occur.MUST);

    public override Weight CreateWeight(IndexSearcher searcher) => new EveryWordWeight(this, searcher);

    private sealed class EveryWordWeight(EveryWordQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            // Rewriting may have left a clause that is not a word in any field; that goes the general way.
            if (query.Clauses.Any(clause => clause.Occur != Occur.MUST) || m_weights.Any(weight => weight is not AnyFieldQuery.AnyFieldWeight { OnlyOptional: true }))
            {
                return base.GetScorer(context, acceptDocs);
            }

            var words = new List<AnyFieldQuery.Fields>(m_weights.Count);
            foreach (AnyFieldQuery.AnyFieldWeight weight in m_weights)
            {
                if (weight.FieldsOf(context, acceptDocs) is not { } fields)
                {
                    // A word missing from the segment: no document in it matches them all.
                    return null;
                }

                words.Add(fields);
            }

            // The rarest word leads, as in Lucene's conjunction, and scores are added up in the same order (a stable sort, as
            // Lucene's): in another order their sum may round to another float.
            return new EveryWordScorer(this, [.. words.OrderBy(word => word.Cost)], query.CoordDisabled ? 1f : Coord(words.Count, MaxCoord));
        }
    }

    private sealed class EveryWordScorer(Weight weight, AnyFieldQuery.Fields[] words, float coordination) : Scorer(weight), IBoundedScorer
    {
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => words.Length;

        public override int NextDoc() => _doc = Align(words[0].NextAfter(_doc));

        public override int Advance(int target) => _doc = Align(words[0].AdvanceTo(target));

        /// <summary>Summed in float, in the words' order, as Lucene's conjunction does, so that scores come out the same.</summary>
        public override float GetScore()
        {
            var sum = 0f;
            foreach (var word in words)
            {
                sum += word.ScoreAt(_doc);
            }

            return sum * coordination;
        }

        /// <summary>The same sum of the words' bounds: no lower than the score, as each word's bound is no lower than its score.</summary>
        public float ScoreBound()
        {
            var sum = 0f;
            foreach (var word in words)
            {
                sum += word.BoundAt(_doc);
            }

            return sum * coordination;
        }

        public override long GetCost() => words[0].Cost;

        /// <summary>The first document from the leading word's candidate on that every word is in.</summary>
        private int Align(int candidate)
        {
            for (var next = 1; next < words.Length && candidate != NO_MORE_DOCS;)
            {
                var at = words[next].AdvanceTo(candidate);
                if (at == candidate)
                {
                    next++;
                }
                else
                {
                    candidate = words[0].AdvanceTo(at);
                    next = 1;
                }
            }

            return candidate;
        }
    }
}
