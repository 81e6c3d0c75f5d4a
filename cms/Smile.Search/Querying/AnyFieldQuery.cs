using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Smile.Search.Querying;

/// <summary>
/// One word (or phrase) in any of a few fields: scored exactly as a <see cref="BooleanQuery"/> of optional clauses
/// (the sum of the fields' scores, times the coordination factor), matched by a leaner scorer.
/// </summary>
/// <remarks>
/// A common word is in the text of nearly every document but in few titles. Lucene's disjunction scorer keeps a heap
/// of the fields' scorers and scores every match as it moves on. This scorer keeps each field's current document in
/// an array, moves only the fields that were on the document, and scores only when a collector asks: a collector
/// that can tell from the scorer's bound (<see cref="IBoundedScorer"/>) that a document cannot make the page does not.
/// </remarks>
internal sealed class AnyFieldQuery : BooleanQuery
{
    /// <summary>A word is looked for in a few fields: the scorer keeps a bound for every set of them, 2^n in all. More go Lucene's way.</summary>
    private const int MaxFields = 8;

    public void Add(Query field) => Add(field, Occur.SHOULD);

    public override Weight CreateWeight(IndexSearcher searcher) => new AnyFieldWeight(this, searcher);

    internal sealed class AnyFieldWeight(AnyFieldQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            if (!OnlyOptional)
            {
                return base.GetScorer(context, acceptDocs);
            }

            return FieldsOf(context, acceptDocs) is { } fields ? new AnyFieldScorer(this, fields) : null;
        }

        /// <summary>Only a few optional clauses are this scorer's to match; anything else goes the general way.</summary>
        public bool OnlyOptional => query.MinimumNumberShouldMatch == 0 && query.Clauses.Count <= MaxFields && query.Clauses.All(clause => clause.Occur == Occur.SHOULD);

        /// <summary>The scorers of the fields that have the word in this segment; null when none has.</summary>
        public Fields? FieldsOf(AtomicReaderContext context, IBits acceptDocs)
        {
            var scorers = new List<Scorer>(m_weights.Count);
            var clauses = new List<int>(m_weights.Count);
            for (var clause = 0; clause < m_weights.Count; clause++)
            {
                if (m_weights[clause].GetScorer(context, acceptDocs) is { } scorer)
                {
                    scorers.Add(scorer);
                    clauses.Add(clause);
                }
            }

            if (scorers.Count == 0)
            {
                return null;
            }

            var coordination = new float[scorers.Count + 1];
            for (var matched = 0; matched < coordination.Length; matched++)
            {
                coordination[matched] = query.CoordDisabled ? 1f : Coord(matched, MaxCoord);
            }

            return new Fields([.. scorers], coordination, () => [.. scorers.Select((scorer, i) => ScoreBounds.Of(scorer, m_weights[clauses[i]].Query, Similarity, context))]);
        }
    }

    /// <summary>
    /// The scorers of a word's fields and where each stands, kept here so that moving on asks only the fields
    /// that are behind, and scoring only the fields that match.
    /// </summary>
    /// <param name="bounds">For each field, a score its scorer never reaches in the segment (see <see cref="ScoreBounds"/>), asked for when first needed, with the scorers on their way.</param>
    internal sealed class Fields(Scorer[] scorers, float[] coordination, Func<float[]> bounds)
    {
        private readonly int[] _at = [.. scorers.Select(_ => -1)];

        private float[]? _boundOf;

        public long Cost { get; } = scorers.Sum(scorer => scorer.GetCost());

        public IEnumerable<Scorer> Scorers => scorers;

        /// <summary>The next document after <paramref name="doc"/> that any field has (every field stands at or past it).</summary>
        public int NextAfter(int doc)
        {
            var next = DocIdSetIterator.NO_MORE_DOCS;
            for (var i = 0; i < scorers.Length; i++)
            {
                if (_at[i] == doc)
                {
                    _at[i] = scorers[i].NextDoc();
                }

                next = Math.Min(next, _at[i]);
            }

            return next;
        }

        /// <summary>The first document from <paramref name="target"/> on that any field has.</summary>
        public int AdvanceTo(int target)
        {
            var next = DocIdSetIterator.NO_MORE_DOCS;
            for (var i = 0; i < scorers.Length; i++)
            {
                if (_at[i] < target)
                {
                    _at[i] = scorers[i].Advance(target);
                }

                next = Math.Min(next, _at[i]);
            }

            return next;
        }

        public int MatchedAt(int doc)
        {
            var matched = 0;
            foreach (var at in _at)
            {
                matched += at == doc ? 1 : 0;
            }

            return matched;
        }

        /// <summary>Summed in double and then rounded, as Lucene's disjunction does, so scores come out the same.</summary>
        public float ScoreAt(int doc)
        {
            var sum = 0d;
            var matched = 0;
            for (var i = 0; i < scorers.Length; i++)
            {
                if (_at[i] == doc)
                {
                    sum += scorers[i].GetScore();
                    matched++;
                }
            }

            return (float)sum * coordination[matched];
        }

        /// <summary>A score at <paramref name="doc"/> no lower than <see cref="ScoreAt"/>, looked up by which fields match, without asking their scorers.</summary>
        public float BoundAt(int doc)
        {
            var matching = 0;
            for (var i = 0; i < _at.Length; i++)
            {
                matching |= _at[i] == doc ? 1 << i : 0;
            }

            _boundOf ??= BoundsOf(bounds(), coordination);
            return _boundOf[matching];
        }

        /// <summary>For each set of matching fields (a bit each), the sum of their bounds, rounded and coordinated as <see cref="ScoreAt"/> does.</summary>
        private static float[] BoundsOf(float[] bounds, float[] coordination)
        {
            var boundOf = new float[1 << bounds.Length];
            for (var matching = 0; matching < boundOf.Length; matching++)
            {
                var sum = 0d;
                for (var i = 0; i < bounds.Length; i++)
                {
                    sum += (matching & (1 << i)) != 0 ? bounds[i] : 0;
                }

                boundOf[matching] = (float)sum * coordination[System.Numerics.BitOperations.PopCount((uint)matching)];
            }

            return boundOf;
        }
    }

    private sealed class AnyFieldScorer(Weight weight, Fields fields) : Scorer(weight), IBoundedScorer
    {
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => fields.MatchedAt(_doc);

        public override int NextDoc() => _doc = fields.NextAfter(_doc);

        public override int Advance(int target) => _doc = fields.AdvanceTo(target);

        public override float GetScore() => fields.ScoreAt(_doc);

        public float ScoreBound() => fields.BoundAt(_doc);

        public override long GetCost() => fields.Cost;

        public override ICollection<ChildScorer> GetChildren() => [.. fields.Scorers.Select(scorer => new ChildScorer(scorer, "SHOULD"))];
    }
}
