using System.Text;

namespace Smile.Search.Querying;

/// <summary>
/// Escapes what HTML gives meaning to (&amp; &lt; &gt; and quotes) and nothing else: umlauts and typographic
/// quotes stay readable characters, not numeric entities. Fields are stored one per line: in a snippet every
/// run of white space is one space.
/// </summary>
internal static class MarkupEncoder
{
    public static void Append(StringBuilder html, ReadOnlySpan<char> text)
    {
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                html.Append(' ');
                space = false;
            }

            switch (c)
            {
                case '&':
                    html.Append("&amp;");
                    break;
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                case '"':
                    html.Append("&quot;");
                    break;
                case '\'':
                    html.Append("&#39;");
                    break;
                default:
                    html.Append(c);
                    break;
            }
        }

        if (space)
        {
            html.Append(' ');
        }
    }
}
