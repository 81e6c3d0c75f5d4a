using System.Text.RegularExpressions;

namespace Smile.Site.Checks;

/// <summary>
/// Finds the references a page makes (<c>href</c>, <c>src</c>, <c>srcset</c>, <c>action</c>, <c>poster</c>):
/// internal ones must resolve to a file of the site; external ones may only be plain links, never scripts,
/// styles, fonts, frames or images.
/// </summary>
public static partial class LinkCheck
{
    public static IEnumerable<(string Attribute, string Tag, string Url)> References(string html) =>
        ReferencesWithMarkup(html).Select(r => (r.Attribute, r.Tag, r.Url));

    /// <summary>As <see cref="References"/>, with the whole start tag (to tell a stylesheet from a canonical link).</summary>
    public static IEnumerable<(string Attribute, string Tag, string Url, string Markup)> ReferencesWithMarkup(string html)
    {
        foreach (Match tag in TagPattern().Matches(html))
        {
            var name = tag.Groups["tag"].Value.ToLowerInvariant();
            foreach (Match attribute in AttributePattern().Matches(tag.Value))
            {
                var attr = attribute.Groups["name"].Value.ToLowerInvariant();
                var value = System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value);
                if (attr == "srcset")
                {
                    foreach (var candidate in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        yield return (attr, name, candidate.Split(' ')[0], tag.Value);
                    }
                }
                else
                {
                    yield return (attr, name, value, tag.Value);
                }
            }
        }
    }

    private static readonly string[] Attributes = ["href", "src", "srcset", "action", "poster", "data"];

    /// <summary>
    /// The references <see cref="References"/> finds, found without regular expressions or a string per tag:
    /// what a build runs on every page it writes. Same rules: a start tag with attributes, its first <c>&gt;</c>
    /// ending it, double-quoted values, <c>srcset</c> split into its URLs.
    /// </summary>
    public static void CollectReferences(ReadOnlySpan<char> html, List<(string Attribute, string Tag, string Url)> references)
    {
        var at = 0;
        while (at < html.Length)
        {
            var open = html[at..].IndexOf('<');
            if (open < 0)
            {
                return;
            }

            open += at;
            var end = open + 1;
            if (end >= html.Length || !char.IsAsciiLetter(html[end]))
            {
                at = open + 1;
                continue;
            }

            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            var close = end < html.Length && char.IsWhiteSpace(html[end]) ? html[end..].IndexOf('>') : -1;
            if (close < 0)
            {
                at = open + 1;
                continue;
            }

            close += end;
            var tag = html[(open + 1)..end].ToString().ToLowerInvariant();
            CollectAttributes(html[open..(close + 1)], tag, references);
            at = close + 1;
        }
    }

    private static void CollectAttributes(ReadOnlySpan<char> tag, string tagName, List<(string Attribute, string Tag, string Url)> references)
    {
        var at = 0;
        while (at < tag.Length)
        {
            if (!char.IsWhiteSpace(tag[at]) || Attribute(tag, at + 1, out var name, out var value) is not (> 0 and var next))
            {
                at++;
                continue;
            }

            var decoded = value.Contains('&') ? System.Net.WebUtility.HtmlDecode(value.ToString()) : value.ToString();
            if (name == "srcset")
            {
                foreach (var candidate in decoded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    references.Add((name, tagName, candidate.Split(' ')[0]));
                }
            }
            else
            {
                references.Add((name, tagName, decoded));
            }

            at = next;
        }
    }

    /// <summary>One <c>name = "value"</c> at <paramref name="start"/>; the index after its closing quote, or -1.</summary>
    private static int Attribute(ReadOnlySpan<char> tag, int start, out string name, out ReadOnlySpan<char> value)
    {
        foreach (var candidate in Attributes)
        {
            var at = start;
            if (at + candidate.Length > tag.Length || !tag.Slice(at, candidate.Length).Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            at = SkipWhitespace(tag, at + candidate.Length);
            if (at >= tag.Length || tag[at] != '=')
            {
                continue;
            }

            at = SkipWhitespace(tag, at + 1);
            if (at >= tag.Length || tag[at] != '"')
            {
                continue;
            }

            var length = tag[(at + 1)..].IndexOf('"');
            if (length < 0)
            {
                continue;
            }

            name = candidate;
            value = tag.Slice(at + 1, length);
            return at + 1 + length + 1;
        }

        name = "";
        value = default;
        return -1;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>Whether a site-internal URL resolves to a file under the output folder (or one the build is writing).</summary>
    public static bool Resolves(string url, Func<string, bool> exists)
    {
        var path = Uri.UnescapeDataString(url.Split('#', '?')[0]);
        if (path.Length == 0)
        {
            return true;
        }

        var relative = path.TrimStart('/');
        return exists(relative) || exists(relative.TrimEnd('/') + "/index.html") || (relative.Length == 0 && exists("index.html"));
    }

    /// <summary>Internal means root-relative (<c>/x</c>), not protocol-relative (<c>//host</c>) or absolute.</summary>
    public static bool IsInternal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);

    public static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"<(?<tag>[a-zA-Z][a-zA-Z0-9]*)\s[^>]*>", RegexOptions.Singleline)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s(?<name>href|src|srcset|action|poster|data)\s*=\s*""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex AttributePattern();
}
