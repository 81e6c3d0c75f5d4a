using Smile.Content.Rendering;

namespace Smile.Content.Tests;

public sealed class MarkupRendererTests
{
    private readonly MarkupRenderer _renderer = new();

    [Fact]
    public void Markdown_renders_to_trimmed_html()
    {
        Assert.Equal("<p>Ein <strong>wichtiger</strong> Text.</p>", _renderer.RenderMarkdown("Ein **wichtiger** Text.\n\n"));
    }

    [Fact]
    public void Headings_get_ascii_ids_for_anchors()
    {
        Assert.Equal("<h2 id=\"uber-uns\">Über uns</h2>", _renderer.RenderMarkdown("## Über uns"));
    }

    [Fact]
    public void Pipe_tables_are_rendered()
    {
        var html = _renderer.RenderMarkdown("| Ort | Feuchte |\n|---|---|\n| Dierkow | 31 % |");

        Assert.Equal("<table>\n<thead>\n<tr>\n<th>Ort</th>\n<th>Feuchte</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Dierkow</td>\n<td>31 %</td>\n</tr>\n</tbody>\n</table>", html);
    }

    [Fact]
    public void Bare_web_addresses_become_links()
    {
        Assert.Equal(
            "<p>Siehe <a href=\"http://www.rostock.de\">www.rostock.de</a> und <a href=\"https://smile-city-rostock.de\">https://smile-city-rostock.de</a></p>",
            _renderer.RenderMarkdown("Siehe www.rostock.de und <https://smile-city-rostock.de>"));
    }

    [Fact]
    public void Mail_and_phone_links_are_kept()
    {
        Assert.Equal(
            "<p><a href=\"mailto:smartcity@rostock.de\">Mail</a> <a href=\"tel:+49381381\">Telefon</a></p>",
            _renderer.RenderMarkdown("[Mail](mailto:smartcity@rostock.de) [Telefon](tel:+49381381)"));
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](data:text/html,hallo)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("[x](ftp://files.example/a)")]
    public void Links_with_other_schemes_lose_their_target(string markdown)
    {
        Assert.Equal("<p><a>x</a></p>", _renderer.RenderMarkdown(markdown));
    }

    [Fact]
    public void Raw_html_in_markdown_stays_text()
    {
        Assert.Equal("<p>&lt;iframe src=\"https://x.example\"&gt;&lt;/iframe&gt;</p>", _renderer.RenderMarkdown("<iframe src=\"https://x.example\"></iframe>"));
    }

    [Fact]
    public void An_image_in_markdown_keeps_its_alt_text()
    {
        Assert.Equal("<p><img src=\"https://media.example/a.jpg\" alt=\"Ein Baum\"></p>", _renderer.RenderMarkdown("![Ein Baum](https://media.example/a.jpg)"));
    }

    [Fact]
    public void An_image_with_a_javascript_source_loses_it()
    {
        Assert.Equal("<img alt=\"x\">", _renderer.Sanitize("<img src=\"javascript:alert(1)\" alt=\"x\" onerror=\"alert(2)\">"));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<iframe src=\"https://x.example\"></iframe>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("<object data=\"x.swf\"></object>")]
    [InlineData("<embed src=\"x.swf\">")]
    [InlineData("<video src=\"https://x.example/v.mp4\"></video>")]
    [InlineData("<audio src=\"https://x.example/a.mp3\"></audio>")]
    [InlineData("<form><input><textarea></textarea><select></select><button>x</button></form>")]
    public void Dangerous_and_third_party_elements_are_removed_entirely(string html)
    {
        Assert.Equal("", _renderer.Sanitize(html));
    }

    [Fact]
    public void Inline_styles_and_event_handlers_are_removed()
    {
        Assert.Equal("<p>Text</p>", _renderer.Sanitize("<p style=\"position:fixed\" onmouseover=\"x()\">Text</p>"));
    }

    [Fact]
    public void Safe_markup_passes_unchanged()
    {
        const string Html = "<h3 id=\"a\">A</h3><p lang=\"en\"><em>e</em> <strong>s</strong> <code>c</code></p><blockquote>q</blockquote><ol><li>1</li></ol>";

        Assert.Equal(Html, _renderer.Sanitize(Html));
    }

    [Fact]
    public void Sanitized_html_is_trimmed()
    {
        Assert.Equal("<p>x</p>", _renderer.Sanitize("  \n<p>x</p>\n  "));
    }
}
