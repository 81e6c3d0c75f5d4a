using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Smile.Search.Analysis;

namespace Smile.Search.Tests;

/// <summary>The lower casing of the German analysis gives what Lucene's own filter gives, for German and beyond.</summary>
public sealed class LowerCaseTests
{
    [Theory]
    [InlineData("Bürgerinnen ÄRGER Öffnungszeiten ÜBER Straße STRASSE")]
    [InlineData("ÀÉÎÕØÞ ×÷ ªº µ ÿ")]
    [InlineData("ΣΊΣΥΦΟΣ Київ İstanbul ǅǄ")]
    [InlineData("𐐀𐐁 emoji🙂 \ud800lone")]
    public void Lowers_as_Lucenes_LowerCaseFilter_does(string text)
    {
        Assert.Equal(Tokens(text, s => new LowerCaseFilter(LuceneVersion.LUCENE_48, s)), Tokens(text, s => new InvariantLowerCaseFilter(s)));
    }

    private static List<string> Tokens(string text, Func<TokenStream, TokenStream> lower)
    {
        using var stream = lower(new WhitespaceTokenizer(LuceneVersion.LUCENE_48, new StringReader(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var tokens = new List<string>();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }
}
