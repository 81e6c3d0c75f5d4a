using Smile.Content.Definitions;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class LinkFieldTests
{
    private static string Refusal(string url) =>
        $"'{url}' ist keine gültige Adresse: erlaubt sind https://, http://, mailto: und Pfade, die mit / beginnen.";

    [Theory]
    [InlineData("https://www.rostock.de/smartcity")]
    [InlineData("http://smile-city-rostock.de")]
    [InlineData("mailto:smartcity@rostock.de")]
    [InlineData("/aktuelles/bewaesserung-in-dierkow")]
    [InlineData("/")]
    [InlineData("/projekte?seite=2#liste")]
    public void Web_links_mail_links_and_site_paths_are_allowed(string url)
    {
        var result = Normalize(FieldKind.Link, Quote(url));

        Assert.Equal($"{{\"url\":{Quote(url)}}}", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_link_object_keeps_its_trimmed_text()
    {
        var result = Normalize(FieldKind.Link, "{\"url\":\" https://www.rostock.de \",\"text\":\"  Hansestadt Rostock \"}");

        Assert.Equal("{\"url\":\"https://www.rostock.de\",\"text\":\"Hansestadt Rostock\"}", result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("{\"url\":\"/kontakt\",\"text\":\"   \"}")]
    [InlineData("{\"url\":\"/kontakt\",\"text\":7}")]
    [InlineData("{\"url\":\"/kontakt\"}")]
    public void A_blank_or_missing_link_text_is_left_out(string json)
    {
        var result = Normalize(FieldKind.Link, json);

        Assert.Equal("{\"url\":\"/kontakt\"}", result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("//evil.example/login")]
    [InlineData("//evil.example")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("ftp://files.rostock.de")]
    [InlineData("tel:+49381381")]
    [InlineData("www.rostock.de")]
    [InlineData("aktuelles/relativ")]
    public void Scripts_protocol_relative_and_other_schemes_are_refused(string url)
    {
        var result = Normalize(FieldKind.Link, Quote(url));

        Assert.Null(result.Value);
        Assert.Equal(Refusal(url), result.Error);
    }

    [Fact]
    public void A_javascript_url_inside_a_link_object_is_refused_too()
    {
        var result = Normalize(FieldKind.Link, "{\"url\":\"javascript:alert(1)\",\"text\":\"Gewinnspiel\"}");

        Assert.Null(result.Value);
        Assert.Equal(Refusal("javascript:alert(1)"), result.Error);
    }

    [Fact]
    public void A_url_is_checked_after_trimming()
    {
        var result = Normalize(FieldKind.Link, "\"  //evil.example  \"");

        Assert.Equal(Refusal("//evil.example"), result.Error);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("{\"url\":\"\",\"text\":\"Ohne Ziel\"}")]
    public void A_blank_url_is_stored_as_nothing(string json)
    {
        var result = Normalize(FieldKind.Link, json);

        Assert.Null(result.Value);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("{\"text\":\"Ohne Adresse\"}")]
    [InlineData("{\"url\":42}")]
    public void A_link_object_without_a_url_string_is_refused(string json)
    {
        var result = Normalize(FieldKind.Link, json);

        Assert.Null(result.Value);
        Assert.Equal("Ein Link braucht eine Adresse (url).", result.Error);
    }

    [Fact]
    public void A_number_is_not_a_link()
    {
        var result = Normalize(FieldKind.Link, "42");

        Assert.Equal("Erwartet wird ein Link, nicht Zahl.", result.Error);
    }

    [Fact]
    public void A_link_produces_no_index_entries_and_no_relations()
    {
        Assert.Empty(Index(FieldKind.Link, "{\"url\":\"/kontakt\"}"));
        Assert.Empty(Relations(FieldKind.Link, "{\"url\":\"/kontakt\"}"));
    }
}
