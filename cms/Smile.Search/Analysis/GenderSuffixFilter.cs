using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Smile.Search.Analysis;

/// <summary>
/// Folds gendered forms onto the base noun before stemming, which the light stemmer does not:
/// "Bürgerinnen" and "Bürgerin" are searched as "Bürger". ("Bürger*innen" arrives split at the star;
/// the lone "innen" is a stop word.)
/// </summary>
public sealed class GenderSuffixFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public GenderSuffixFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (word.Length >= 9 && word.EndsWith("erinnen", StringComparison.Ordinal))
        {
            _term.Length -= 5;
        }
        else if (word.Length >= 7 && word.EndsWith("erin", StringComparison.Ordinal))
        {
            _term.Length -= 2;
        }

        return true;
    }
}
