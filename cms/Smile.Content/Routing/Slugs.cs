using System.Globalization;
using System.Text;

namespace Smile.Content.Routing;

/// <summary>URL slugs from German titles: "Bewässerung in Groß Klein" → "bewaesserung-in-gross-klein".</summary>
public static class Slugs
{
    public const int MaxLength = 80;

    private static readonly Dictionary<char, string> German = new()
    {
        ['ä'] = "ae",
        ['ö'] = "oe",
        ['ü'] = "ue",
        ['ß'] = "ss",
        ['Ä'] = "ae",
        ['Ö'] = "oe",
        ['Ü'] = "ue",
        ['ẞ'] = "ss",

        // Letters that do not decompose into a base letter and a mark.
        ['ø'] = "o",
        ['Ø'] = "o",
        ['ł'] = "l",
        ['Ł'] = "l",
        ['đ'] = "d",
        ['Đ'] = "d",
        ['æ'] = "ae",
        ['Æ'] = "ae",
        ['œ'] = "oe",
        ['Œ'] = "oe",
        ['þ'] = "th",
        ['Þ'] = "th",
        ['ð'] = "d",
        ['Ð'] = "d",
    };

    public static string FromTitle(string title)
    {
        var builder = new StringBuilder(title.Length);
        // Titles pasted from some systems carry "a" + combining diaeresis; compose first so it reads as "ä".
        foreach (var c in title.Normalize(NormalizationForm.FormC))
        {
            if (German.TryGetValue(c, out var replacement))
            {
                builder.Append(replacement);
            }
            else
            {
                // Other accents (é, č, ø) lose their marks: decompose and keep the base letter.
                foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(d);
                    }
                }
            }
        }

        var slug = new StringBuilder(builder.Length);
        foreach (var c in builder.ToString().ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        if (result.Length > MaxLength)
        {
            // Cut at a word boundary: "...-2025-werden" becomes "...-2025", not "...-2025-werd".
            var cut = result[MaxLength] == '-' ? MaxLength : result.LastIndexOf('-', MaxLength - 1);
            result = result[..(cut > 0 ? cut : MaxLength)].TrimEnd('-');
        }

        return result.Length == 0 ? "inhalt" : result;
    }

    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= MaxLength
        && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && !slug.StartsWith('-') && !slug.EndsWith('-');

    public static string Path(string pattern, string slug) => pattern.Replace("{slug}", slug, StringComparison.Ordinal);
}
