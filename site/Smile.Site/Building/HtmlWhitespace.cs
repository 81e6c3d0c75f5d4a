using System.Text;

namespace Smile.Site.Building;

/// <summary>
/// The post-processing minifier: every run of whitespace becomes one space, which is what a browser renders
/// anyway, except inside <c>pre</c>, <c>textarea</c>, <c>script</c> and <c>style</c>, which keep their text as
/// written. One pass, no parsing: a full HTML minifier cost a third of a build for a few percent of bytes.
/// </summary>
public static class HtmlWhitespace
{
    private static readonly string[] Verbatim = ["pre", "textarea", "script", "style"];

    public static string Collapse(string html)
    {
        var result = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && VerbatimElement(html, i) is { } element)
            {
                var close = html.IndexOf("</" + element, i, StringComparison.OrdinalIgnoreCase);
                var end = close < 0 ? html.Length : close;
                result.Append(html, i, end - i);
                i = end;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                result.Append(' ');
                continue;
            }

            result.Append(c);
            i++;
        }

        return result.ToString();
    }

    private static string? VerbatimElement(string html, int start)
    {
        foreach (var name in Verbatim)
        {
            var after = start + 1 + name.Length;
            if (after < html.Length && string.Compare(html, start + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0 && (html[after] == '>' || char.IsWhiteSpace(html[after])))
            {
                return name;
            }
        }

        return null;
    }
}
