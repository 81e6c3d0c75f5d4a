using Smile.Site.Building;
using Smile.Site.Checks;

namespace Smile.Site.Tests;

/// <summary>
/// The build's per-page steps that work in place on buffers (minifying, finding references) do what the string
/// versions do, on the seeded site's pages and on markup made to trip them up.
/// </summary>
public sealed class PageOutputTests(SeededSite seeded) : IClassFixture<SeededSite>
{
    private const string Tricky = """
        <A HREF="/x?a=1&amp;b=2">x</A><br><img  src = "/media/a.jpg" SrcSet="/media/a-480.webp 480w,
          /media/a-960.webp 960w" alt="a"><link rel="stylesheet" href="/assets/site.css"><a href="/unclosed>
        <source srcset="/media/b.webp"><video poster="/media/p.jpg" data-x="1"><form action="/suche"><object data="/d.svg">
        <a title="href=&quot;/not-a-link&quot;" href="/real">r</a><a hrefx="/no">n</a><p class="src">t</p><a href=/unquoted>u</a>
        <a href="/last"
        """;

    [Fact]
    public void The_buffer_scan_finds_every_reference_the_link_pattern_finds()
    {
        var pages = seeded.Site.Pages().Select(seeded.Site.Read).Append(Tricky).Append(Tricky.ToUpperInvariant()).ToList();

        foreach (var html in pages)
        {
            var found = new List<(string Attribute, string Tag, string Url)>();
            LinkCheck.CollectReferences(html, found);
            Assert.Equal(LinkCheck.References(html).ToList(), found);
        }

        var tricky = new List<(string Attribute, string Tag, string Url)>();
        LinkCheck.CollectReferences(Tricky, tricky);
        Assert.Contains(("href", "a", "/x?a=1&b=2"), tricky);
        Assert.Contains(("srcset", "img", "/media/a-960.webp"), tricky);
        Assert.Contains(("href", "a", "/real"), tricky);
        Assert.DoesNotContain(tricky, r => r.Url is "/no" or "/unquoted" or "/last");
    }

    [Fact]
    public void Minifying_in_place_collapses_whitespace_outside_pre_textarea_script_and_style()
    {
        const string Html = "<p>  a \n\t b\u00a0 c </p>\n<PRE class=\"x\">  keep\n  this </PRE>  <textarea>  t  </textarea><script>  var a;\n</script>\n<pre>  unclosed\n  to the end ";

        var buffer = Html.ToCharArray();
        var length = HtmlWhitespace.Collapse(buffer.AsSpan());

        Assert.Equal("<p> a b c </p> <PRE class=\"x\">  keep\n  this </PRE> <textarea>  t  </textarea><script>  var a;\n</script> <pre>  unclosed\n  to the end ", new string(buffer, 0, length));
        Assert.Equal(new string(buffer, 0, length), HtmlWhitespace.Collapse(Html));
    }
}
