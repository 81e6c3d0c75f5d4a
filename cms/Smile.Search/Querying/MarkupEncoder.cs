using System.Text;
using Lucene.Net.Search.Highlight;

namespace Smile.Search.Querying;

/// <summary>
/// Escapes what HTML gives meaning to (&amp; &lt; &gt; and quotes) and nothing else: umlauts and typographic
/// quotes stay readable characters, not numeric entities. The highlighter adds its marks after encoding.
/// </summary>
internal sealed class MarkupEncoder : IEncoder
{
    public string EncodeText(string originalText)
    {
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

            text.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        if (space)
        {
            text.Append(' ');
        }

        return text.ToString();
    }
}
