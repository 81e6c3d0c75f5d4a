using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Smile.Search.Analysis;

/// <summary>
/// Lower case as Lucene's LowerCaseFilter makes it (invariant, character by character), without its call into
/// the globalization library for every token: that call was a fifth of the time to index a document. ASCII and
/// Latin-1 letters (all of German) are mapped directly; anything else goes through <see cref="Rune.ToLowerInvariant"/>.
/// </summary>
public sealed class InvariantLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < 'A')
            {
                continue;
            }

            if (c <= 'Z' || (c is >= '\u00c0' and <= '\u00de' && c != '\u00d7'))
            {
                buffer[i] = (char)(c + 32);
            }
            else if (c > '\u00ff')
            {
                i += LowerOther(buffer, i, length) - 1;
            }
        }

        return true;
    }

    /// <summary>Lowers the character (or surrogate pair) at <paramref name="index"/>; returns how many chars it took.</summary>
    private static int LowerOther(char[] buffer, int index, int length)
    {
        if (Rune.DecodeFromUtf16(buffer.AsSpan(index, length - index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
        {
            return 1; // a lone surrogate stays as it is
        }

        var lower = Rune.ToLowerInvariant(rune);
        if (lower.Utf16SequenceLength == consumed)
        {
            lower.EncodeToUtf16(buffer.AsSpan(index, consumed));
        }

        return consumed;
    }
}
