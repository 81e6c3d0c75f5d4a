using Smile.Content.Definitions;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class HtmlFieldTests
{
    private static string StoredHtml(Normalized result) => result.Value!["html"]!.GetValue<string>();

    [Fact]
    public void Html_is_stored_sanitized_in_an_html_property()
    {
        var result = Normalize(FieldKind.Html, Quote("<p>Hallo <strong>Rostock</strong></p>"));

        Assert.Equal("{\"html\":\"<p>Hallo <strong>Rostock</strong></p>\"}", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Html_may_come_as_an_object_with_an_html_property()
    {
        var result = Normalize(FieldKind.Html, "{\"html\":\"<p>Hallo</p>\"}");

        Assert.Equal("{\"html\":\"<p>Hallo</p>\"}", result.Json);
    }

    [Fact]
    public void Script_elements_are_removed()
    {
        var result = Normalize(FieldKind.Html, Quote("<p>Hallo</p><script>alert(1)</script>"));

        Assert.Equal("<p>Hallo</p>", StoredHtml(result));
    }

    [Fact]
    public void Iframes_and_style_elements_are_removed()
    {
        var result = Normalize(FieldKind.Html, Quote("<p>Video:</p><iframe src=\"https://video.example/1\"></iframe><style>p { color: red }</style>"));

        Assert.Equal("<p>Video:</p>", StoredHtml(result));
    }

    [Fact]
    public void Event_handler_and_style_attributes_are_removed()
    {
        var result = Normalize(FieldKind.Html, Quote("<p onclick=\"steal()\" style=\"color:red\">Text</p>"));

        Assert.Equal("<p>Text</p>", StoredHtml(result));
    }

    [Fact]
    public void Forms_and_their_controls_are_removed()
    {
        var result = Normalize(FieldKind.Html, Quote("<p>A</p><form action=\"https://x.example\"><input name=\"q\"><button>Los</button></form>"));

        Assert.Equal("<p>A</p>", StoredHtml(result));
    }

    [Fact]
    public void A_javascript_link_loses_its_href_but_keeps_its_text()
    {
        var result = Normalize(FieldKind.Html, Quote("<a href=\"javascript:alert(1)\">klick</a>"));

        Assert.Equal("<a>klick</a>", StoredHtml(result));
    }

    [Fact]
    public void Safe_structure_links_images_ids_and_lang_are_kept()
    {
        const string Safe = "<h2 id=\"ziele\" lang=\"en\">Goals</h2><ul><li><em>eins</em></li></ul>"
            + "<p><a href=\"https://www.rostock.de\">Rostock</a> <a href=\"mailto:smartcity@rostock.de\">Mail</a></p>"
            + "<img src=\"https://media.example/a.jpg\" alt=\"Ein Baum\">";

        var result = Normalize(FieldKind.Html, Quote(Safe));

        Assert.Equal(Safe, StoredHtml(result));
    }

    [Fact]
    public void Html_that_is_empty_after_sanitizing_is_stored_as_nothing()
    {
        var result = Normalize(FieldKind.Html, Quote("<script>alert(1)</script>"));

        Assert.Null(result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Max_length_is_measured_on_the_sanitized_html()
    {
        var settings = new FieldSettings { MaxLength = 12 };

        var fits = Normalize(FieldKind.Html, Quote("<p>abcde</p><script>long long long</script>"), settings);
        var tooLong = Normalize(FieldKind.Html, Quote("<p>abcdef</p>"), settings);

        Assert.Equal("{\"html\":\"<p>abcde</p>\"}", fits.Json);
        Assert.Empty(fits.Errors);
        Assert.Equal("Der Text ist 13 Zeichen lang; erlaubt sind höchstens 12.", tooLong.Error);
    }

    [Theory]
    [InlineData("5", "Zahl")]
    [InlineData("{\"markdown\":\"x\"}", "Objekt")]
    [InlineData("false", "Wahrheitswert")]
    public void A_value_that_is_not_html_text_is_refused(string json, string described)
    {
        var result = Normalize(FieldKind.Html, json);

        Assert.Null(result.Value);
        Assert.Equal($"Erwartet wird HTML-Text, nicht {described}.", result.Error);
    }
}
