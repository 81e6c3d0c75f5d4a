using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Smile.Search.Analysis;

/// <summary>
/// After each stemmed word, its known head and tail at the same position and offsets: "Bewässerungssysteme"
/// is indexed as itself and as "bewasserung" and "system", so "Bewässerung" finds it and highlights the
/// whole word. Used when indexing only; a query word is looked up as typed (the index holds both forms).
/// </summary>
public sealed class CompoundSplitFilter : TokenFilter
{
    private readonly CompoundDictionary _dictionary;
    private readonly bool _learn;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly List<string> _parts = [];
    private int _next;

    /// <param name="learn">Whether the words seen join the dictionary (when indexing, not when only analysing).</param>
    public CompoundSplitFilter(TokenStream input, CompoundDictionary dictionary, bool learn)
        : base(input)
    {
        _dictionary = dictionary;
        _learn = learn;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next < _parts.Count)
        {
            // The word's other attributes (offsets, type) are still in place: nothing runs between its token
            // and its parts. Capturing and restoring them cloned every attribute for every compound, the
            // largest cost of highlighting.
            _term.SetEmpty().Append(_parts[_next++]);
            _position.PositionIncrement = 0;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        _parts.Clear();
        _next = 0;
        var stem = _term.Buffer.AsSpan(0, _term.Length);
        _dictionary.Split(stem, _parts);
        if (_learn)
        {
            _dictionary.Learn(stem);
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _parts.Clear();
        _next = 0;
    }
}
