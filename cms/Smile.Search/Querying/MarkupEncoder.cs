using System.Buffers;
using System.Text;
using Lucene.Net.Search.Highlight;

namespace Smile.Search.Querying;

/// <summary>
/// Escapes what HTML gives meaning to (&amp; &lt; &gt; and quotes) and nothing else: umlauts and typographic
/// quotes stay readable characters, not numeric entities. The highlighter adds its marks after encoding.
/// </summary>
internal sealed class MarkupEncoder : IEncoder
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'\t\n\v\f\r\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000");

    public string EncodeText(string originalText)
    {
        // The highlighter encodes every word and every gap between words on its own: most need no change at all.
        if (!originalText.AsSpan().ContainsAny(Special) && !originalText.Contains("  ", StringComparison.Ordinal))
        {
            return originalText;
        }

        var text = new StringBuilder(originalText.Length);
        var space = false;
        foreach (var c in originalText)
        {
            // Fields are stored one per line: in a snippet every run of white space is one space.
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            switch (c)
            {
                case '&':
                    text.Append("&amp;");
                    break;
                case '<':
                    text.Append("&lt;");
                    break;
                case '>':
                    text.Append("&gt;");
                    break;
                case '"':
                    text.Append("&quot;");
                    break;
                case '\'':
                    text.Append("&#39;");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        if (space)
        {
            text.Append(' ');
        }

        return text.ToString();
    }
}
