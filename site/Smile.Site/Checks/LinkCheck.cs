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
