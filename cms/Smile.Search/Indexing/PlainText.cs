using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Smile.Search.Indexing;

/// <summary>Rendered HTML reduced to the words a reader sees: tags become spaces, entities are decoded.</summary>
public static partial class PlainText
{
    public static string FromHtml(string html)
    {
        var withoutTags = Tags().Replace(html, " ");
        return Whitespace().Replace(WebUtility.HtmlDecode(withoutTags), " ").Trim();
    }

    public static void AppendLine(StringBuilder text, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(value.Trim()).Append('\n');
        }
    }

    [GeneratedRegex(@"<script\b[^>]*>.*?</script>|<style\b[^>]*>.*?</style>|<[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\r\f\v\u00a0]+")]
    private static partial Regex Whitespace();
}
