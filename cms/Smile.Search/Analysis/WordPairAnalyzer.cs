using Lucene.Net.Analysis;
using Smile.Search.Indexing;

namespace Smile.Search.Analysis;

/// <summary>A culture's indexing analysis, with its words turned into pairs (<see cref="WordPairFilter"/>) for the pair fields.</summary>
internal sealed class WordPairAnalyzer(Analyzer words) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
{
    protected override Analyzer GetWrappedAnalyzer(string fieldName) => words;

    protected override TokenStreamComponents WrapComponents(string fieldName, TokenStreamComponents components) =>
        IndexFields.IsPairs(fieldName)
            ? new TokenStreamComponents(components.Tokenizer, new WordPairFilter(components.TokenStream))
            : components;
}
