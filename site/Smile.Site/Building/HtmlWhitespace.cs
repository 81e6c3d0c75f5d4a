using System.Buffers;

namespace Smile.Site.Building;

/// <summary>
/// The post-processing minifier: every run of whitespace becomes one space, which is what a browser renders
/// anyway, except inside <c>pre</c>, <c>textarea</c>, <c>script</c> and <c>style</c>, which keep their text as
/// written. One pass, no parsing: a full HTML minifier cost a third of a build for a few percent of bytes.
/// </summary>
public static class HtmlWhitespace
{
    private static readonly string[] Verbatim = ["pre", "textarea", "script", "style"];

    // What char.IsWhiteSpace calls whitespace, and the start of a tag: the only places the pass has work to do.
    private static readonly SearchValues<char> Whitespace = SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace)]);
    private static readonly SearchValues<char> WhitespaceOrTag = SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) || c == '<')]);

    public static string Collapse(string html)
    {
        var buffer = html.ToCharArray();
        return new string(buffer, 0, Collapse(buffer));
    }

    /// <summary>Collapses <paramref name="html"/> in place (the result is never longer); returns the new length.</summary>
    public static int Collapse(Span<char> html)
    {
        var read = 0;
        var write = 0;
        while (read < html.Length)
        {
            var next = html[read..].IndexOfAny(WhitespaceOrTag);
            var plain = next < 0 ? html.Length - read : next;
            Move(html, ref read, ref write, plain);
            if (read >= html.Length)
            {
                break;
            }

            if (html[read] == '<')
            {
                if (VerbatimElement(html, read) is { } element)
                {
                    var close = IndexOfClosing(html, read, element);
                    Move(html, ref read, ref write, (close < 0 ? html.Length : close) - read);
                }
                else
                {
                    Move(html, ref read, ref write, 1);
                }

                continue;
            }

            var run = html[read..].IndexOfAnyExcept(Whitespace);
            read = run < 0 ? html.Length : read + run;
            html[write++] = ' ';
        }

        return write;
    }

    private static void Move(Span<char> html, ref int read, ref int write, int count)
    {
        if (read != write)
        {
            html.Slice(read, count).CopyTo(html[write..]);
        }

        read += count;
        write += count;
    }

    private static int IndexOfClosing(ReadOnlySpan<char> html, int start, string element)
    {
        var from = start;
        while (true)
        {
            var at = html[from..].IndexOf("</", StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            at += from;
            if (html[(at + 2)..].StartsWith(element, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }

            from = at + 1;
        }
    }

    private static string? VerbatimElement(ReadOnlySpan<char> html, int start)
    {
        foreach (var name in Verbatim)
        {
            var after = start + 1 + name.Length;
            if (after < html.Length && html.Slice(start + 1, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase) && (html[after] == '>' || char.IsWhiteSpace(html[after])))
            {
                return name;
            }
        }

        return null;
    }
}
