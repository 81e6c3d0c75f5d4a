using System.Buffers;
using System.Text;
using Smile.Site.Checks;
using Smile.Site.Themes;

namespace Smile.Site.Building;

/// <summary>
/// A rendered page made ready to write: minified in place, its references collected, encoded as UTF-8 and hashed,
/// all in buffers borrowed for the page (no string of the page is made). Dispose returns the buffers.
/// </summary>
internal sealed class PageOutput : IDisposable
{
    private char[]? _chars;
    private byte[]? _bytes;

    private PageOutput(char[] chars, byte[] bytes, int length, List<(string Attribute, string Tag, string Url)> references)
    {
        _chars = chars;
        _bytes = bytes;
        Utf8 = bytes.AsMemory(0, length);
        Hash = Theme.Hash(Utf8.Span);
        References = references;
    }

    public ReadOnlyMemory<byte> Utf8 { get; }

    public string Hash { get; }

    public IReadOnlyList<(string Attribute, string Tag, string Url)> References { get; }

    public static PageOutput Finish(StringBuilder html, bool minify)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(html.Length, 1));
        html.CopyTo(0, chars, html.Length);
        var length = minify ? HtmlWhitespace.Collapse(chars.AsSpan(0, html.Length)) : html.Length;
        var text = chars.AsSpan(0, length);
        var references = new List<(string Attribute, string Tag, string Url)>();
        LinkCheck.CollectReferences(text, references);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
        return new PageOutput(chars, bytes, Encoding.UTF8.GetBytes(text, bytes), references);
    }

    public void Dispose()
    {
        if (_chars is not null)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = null;
        }

        if (_bytes is not null)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = null;
        }
    }
}
