using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Smile.Search.Analysis;

/// <summary>
/// Turns analysed words into the pairs of adjacent words, "neu stadt" at the first word's position, so a
/// phrase is looked up as terms instead of comparing the positions of two long posting lists document by
/// document: the slowest searches were phrases of common words. Words standing at one position (a compound
/// and its parts) pair with every word of the next position, as a phrase query would match them; words on
/// either side of a gap (a stop word) make no pair.
/// </summary>
public sealed class WordPairFilter : TokenFilter
{
    public const char Separator = ' ';

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private readonly List<(string Pair, int Position, int Start, int End)> _pending = [];
    private List<string> _previous = [];
    private List<string> _current = [];
    private int _next;
    private int _position = -1;
    private int _emitted = -1;
    private bool _adjacent;
    private int _previousStart;
    private int _currentStart;

    public WordPairFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public static string Pair(string first, string second) => string.Concat(first, Separator.ToString(), second);

    public override bool IncrementToken()
    {
        while (_next >= _pending.Count)
        {
            _pending.Clear();
            _next = 0;
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var increment = _increment.PositionIncrement;
            if (increment > 0)
            {
                (_previous, _current) = (_current, _previous);
                _current.Clear();
                _adjacent = increment == 1 && _previous.Count > 0;
                _position += increment;
                _previousStart = _currentStart;
                _currentStart = _offset.StartOffset;
            }

            var word = _term.ToString();
            _current.Add(word);
            if (_adjacent)
            {
                foreach (var first in _previous)
                {
                    _pending.Add((Pair(first, word), _position - 1, _previousStart, _offset.EndOffset));
                }
            }
        }

        var (pair, position, start, end) = _pending[_next++];
        ClearAttributes();
        _term.SetEmpty().Append(pair);
        _increment.PositionIncrement = position - _emitted;
        _offset.SetOffset(start, end);
        _emitted = position;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _previous.Clear();
        _current.Clear();
        _next = 0;
        _position = -1;
        _emitted = -1;
        _adjacent = false;
        _previousStart = 0;
        _currentStart = 0;
    }
}
