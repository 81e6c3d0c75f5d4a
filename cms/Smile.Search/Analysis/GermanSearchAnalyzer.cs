using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;

namespace Smile.Search.Analysis;

/// <summary>
/// German (and Leichte Sprache): lower case, German stop words, gendered forms folded, umlauts and ß
/// normalized, light stemming; when indexing, compounds split with the learned dictionary.
/// </summary>
public sealed class GermanSearchAnalyzer(CompoundDictionary? dictionary, bool learn) : Analyzer
{
    private static readonly CharArraySet StopWords = CreateStopWords();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchVersion.Lucene, reader);
        TokenStream stream = new InvariantLowerCaseFilter(source);
        stream = new StopFilter(SearchVersion.Lucene, stream, StopWords);
        stream = new GenderSuffixFilter(stream);
        stream = new GermanNormalizationFilter(stream);
        stream = new GermanLightStemFilter(stream);
        if (dictionary is not null)
        {
            stream = new CompoundSplitFilter(stream, dictionary, learn);
        }

        return new TokenStreamComponents(source, stream);
    }

    private static CharArraySet CreateStopWords()
    {
        var words = new CharArraySet(SearchVersion.Lucene, GermanAnalyzer.DefaultStopSet, ignoreCase: false)
        {
            "innen", // the rest of "Bürger*innen" once the tokenizer splits at the star
        };
        return words.AsReadOnly();
    }
}
