using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Smile.Search.Querying;

/// <summary>A scorer that can tell, for less than scoring it, how high the current document's score can be at most.</summary>
internal interface IBoundedScorer
{
    float ScoreBound();
}

/// <summary>
/// A page of the best hits, as Lucene's <see cref="TopScoreDocCollector"/> collects them in document order (on equal
/// scores the earlier document wins), with every match counted. Once the page is full, a document whose score cannot
/// beat the page's worst is not scored at all, where the scorer can tell that (<see cref="IBoundedScorer"/>): a common
/// word is in the text of most documents, but the page fills with documents that have it in the title as well.
/// </summary>
internal sealed class BestHits(int size) : ICollector
{
    /// <summary>The page as a heap with the worst hit on top: the lowest score, and of equal scores the later document.</summary>
    private readonly ScoreDoc[] _page = size >= 1 ? new ScoreDoc[size] : throw new ArgumentOutOfRangeException(nameof(size), size, "A page holds at least one hit.");

    private int _count;
    private Scorer? _scorer;
    private IBoundedScorer? _bounded;
    private int _docBase;

    public int TotalHits { get; private set; }

    /// <summary>How many matches were scored; the rest could not have made the page.</summary>
    public int Scored { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
        _scorer = scorer;
        _bounded = scorer as IBoundedScorer;
    }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        TotalHits++;
        var full = _count == _page.Length;
        // Documents come in order, so one that only ties the worst hit comes later and loses to it.
        if (full && _bounded is not null && _bounded.ScoreBound() <= _page[0].Score)
        {
            return;
        }

        Scored++;
        var score = _scorer!.GetScore();
        if (!full)
        {
            _page[_count] = new ScoreDoc(_docBase + doc, score);
            Up(_count++);
        }
        else if (score > _page[0].Score)
        {
            // The worst hit makes room: its object takes the new one, as Lucene's collector does, to allocate nothing per hit.
            (_page[0].Doc, _page[0].Score) = (_docBase + doc, score);
            Down(0);
        }
    }

    /// <summary>The page, best first; the collector is spent after it.</summary>
    public TopDocs GetTopDocs()
    {
        var hits = new ScoreDoc[_count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            hits[i] = _page[0];
            _page[0] = _page[--_count];
            Down(0);
        }

        return new TopDocs(TotalHits, hits, hits.Length > 0 ? hits[0].Score : float.NaN);
    }

    private static bool Worse(ScoreDoc a, ScoreDoc b) => a.Score < b.Score || (a.Score == b.Score && a.Doc > b.Doc);

    private void Up(int at)
    {
        while (at > 0 && Worse(_page[at], _page[(at - 1) / 2]))
        {
            (_page[at], _page[(at - 1) / 2]) = (_page[(at - 1) / 2], _page[at]);
            at = (at - 1) / 2;
        }
    }

    private void Down(int at)
    {
        while (true)
        {
            var (left, right, worst) = ((2 * at) + 1, (2 * at) + 2, at);
            if (left < _count && Worse(_page[left], _page[worst]))
            {
                worst = left;
            }

            if (right < _count && Worse(_page[right], _page[worst]))
            {
                worst = right;
            }

            if (worst == at)
            {
                return;
            }

            (_page[at], _page[worst]) = (_page[worst], _page[at]);
            at = worst;
        }
    }
}
