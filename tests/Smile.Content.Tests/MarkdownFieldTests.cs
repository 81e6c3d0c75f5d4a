using Smile.Content.Definitions;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class MarkdownFieldTests
{
    [Fact]
    public void Markdown_is_stored_with_its_rendered_html()
    {
        var result = Normalize(FieldKind.Markdown, "\"Ein **wichtiger** Text.\"");

        Assert.Equal("{\"markdown\":\"Ein **wichtiger** Text.\",\"html\":\"<p>Ein <strong>wichtiger</strong> Text.</p>\"}", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Markdown_may_come_as_an_object_with_a_markdown_property()
    {
        var result = Normalize(FieldKind.Markdown, "{\"markdown\":\"*kursiv*\",\"html\":\"<script>alt</script>\"}");

        Assert.Equal("{\"markdown\":\"*kursiv*\",\"html\":\"<p><em>kursiv</em></p>\"}", result.Json);
    }

    [Fact]
    public void The_markdown_source_is_kept_exactly_as_typed()
    {
        const string Source = "# Titel\n\n- eins\n- zwei\n";

        var result = Normalize(FieldKind.Markdown, Quote(Source));

        Assert.Equal(Source, result.Value!["markdown"]!.GetValue<string>());
        Assert.Equal("<h1 id=\"titel\">Titel</h1>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>", result.Value["html"]!.GetValue<string>());
    }

    [Fact]
    public void A_script_tag_in_markdown_is_rendered_as_escaped_text_not_as_a_script()
    {
        var result = Normalize(FieldKind.Markdown, Quote("<script>alert(1)</script>\n\nHallo"));

        var html = result.Value!["html"]!.GetValue<string>();
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>Hallo</p>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Raw_html_in_markdown_is_disabled()
    {
        var result = Normalize(FieldKind.Markdown, Quote("a <b onclick=\"x()\">fett</b> c"));

        Assert.Equal("<p>a &lt;b onclick=\"x()\"&gt;fett&lt;/b&gt; c</p>", result.Value!["html"]!.GetValue<string>());
    }

    [Fact]
    public void A_javascript_link_in_markdown_loses_its_target()
    {
        var result = Normalize(FieldKind.Markdown, Quote("[klick](javascript:alert(1)) und [Rostock](https://www.rostock.de)"));

        Assert.Equal("<p><a>klick</a> und <a href=\"https://www.rostock.de\">Rostock</a></p>", result.Value!["html"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \\n\\n \"")]
    [InlineData("{\"markdown\":\" \"}")]
    public void Blank_markdown_is_stored_as_nothing_without_an_error(string json)
    {
        var result = Normalize(FieldKind.Markdown, json);

        Assert.Null(result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Markdown_longer_than_max_length_is_refused_counting_the_source()
    {
        var result = Normalize(FieldKind.Markdown, "\"**fett**\"", new FieldSettings { MaxLength = 6 });

        Assert.Equal("Der Text ist 8 Zeichen lang; erlaubt sind höchstens 6.", result.Error);
    }

    [Theory]
    [InlineData("12", "Zahl")]
    [InlineData("{\"html\":\"<p>x</p>\"}", "Objekt")]
    [InlineData("{\"markdown\":3}", "Objekt")]
    [InlineData("[\"x\"]", "Liste")]
    public void A_value_that_is_not_markdown_text_is_refused(string json, string described)
    {
        var result = Normalize(FieldKind.Markdown, json);

        Assert.Null(result.Value);
        Assert.Equal($"Erwartet wird Markdown-Text, nicht {described}.", result.Error);
    }

    [Fact]
    public void Markdown_produces_no_index_entries_and_no_relations()
    {
        const string Stored = "{\"markdown\":\"x\",\"html\":\"<p>x</p>\"}";

        Assert.Empty(Index(FieldKind.Markdown, Stored));
        Assert.Empty(Relations(FieldKind.Markdown, Stored));
    }
}
