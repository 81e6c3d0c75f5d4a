using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Smile.Search.Querying;

/// <summary>
/// A fuzzy query whose Levenshtein automata are built once for a word and shared by the word's queries on
/// every field. Lucene keeps them with each query's own rewrite, so a word forgiven in the title, the text
/// and the taxonomy terms built them three times: most of a typo search's time and memory (about 3 MB).
/// </summary>
/// <remarks>
/// The shared source also carries the lowest boost still competitive, which each field's rewrite would tell
/// its own enumeration to skip hopeless terms early; here it is not told, so each field looks at every term
/// within the allowed edits and keeps the best ones as before: the same terms, without that shortcut.
/// </remarks>
internal sealed class SharedAutomataFuzzyQuery(Term term, int maxEdits, int prefixLength, AttributeSource automata)
    : FuzzyQuery(term, maxEdits, prefixLength)
{
    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts) =>
        MaxEdits == 0 || PrefixLength >= Term.Text.Length
            ? base.GetTermsEnum(terms, atts)
            : new FuzzyTermsEnum(terms, automata, Term, MaxEdits, PrefixLength, Transpositions);
}
