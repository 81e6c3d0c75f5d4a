using Smile.Content.Routing;

namespace Smile.Content.Tests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Bewässerung in Groß Klein", "bewaesserung-in-gross-klein")]
    [InlineData("Schöne Grüße aus Lütten Klein", "schoene-gruesse-aus-luetten-klein")]
    [InlineData("Straße", "strasse")]
    public void German_umlauts_and_sharp_s_are_transliterated(string title, string slug)
    {
        Assert.Equal(slug, Slugs.FromTitle(title));
    }

    [Theory]
    [InlineData("Ärger mit Öl und Übermut", "aerger-mit-oel-und-uebermut")]
    [InlineData("ÄÖÜ", "aeoeue")]
    [InlineData("GROẞE STRASSE", "grosse-strasse")]
    public void Capital_umlauts_and_capital_sharp_s_are_transliterated_in_lowercase(string title, string slug)
    {
        Assert.Equal(slug, Slugs.FromTitle(title));
    }

    [Theory]
    [InlineData("Crème brûlée à la Warnemünde", "creme-brulee-a-la-warnemuende")]
    [InlineData("Čapek, Dvořák, Smetana", "capek-dvorak-smetana")]
    [InlineData("Café Señor Ñandú", "cafe-senor-nandu")]
    [InlineData("Gdańsk", "gdansk")]
    public void Other_accents_are_stripped_to_the_base_letter(string title, string slug)
    {
        Assert.Equal(slug, Slugs.FromTitle(title));
    }

    [Theory]
    [InlineData("Smart City: Was ist das?!", "smart-city-was-ist-das")]
    [InlineData("Daten & Dienste -- für alle", "daten-dienste-fuer-alle")]
    [InlineData("2026 – Jahr der offenen Daten", "2026-jahr-der-offenen-daten")]
    [InlineData("a_b.c/d\\e", "a-b-c-d-e")]
    [InlineData("Tab\tund\nZeile", "tab-und-zeile")]
    public void Punctuation_and_spaces_collapse_to_single_hyphens(string title, string slug)
    {
        Assert.Equal(slug, Slugs.FromTitle(title));
    }

    [Theory]
    [InlineData("  --Hallo Rostock!--  ", "hallo-rostock")]
    [InlineData("...Punkt...", "punkt")]
    [InlineData("?Frage", "frage")]
    public void Leading_and_trailing_hyphens_are_trimmed(string title, string slug)
    {
        Assert.Equal(slug, Slugs.FromTitle(title));
    }

    [Fact]
    public void A_long_title_is_cut_to_the_max_length()
    {
        var slug = Slugs.FromTitle(new string('a', 120));

        Assert.Equal(new string('a', Slugs.MaxLength), slug);
        Assert.Equal(80, Slugs.MaxLength);
    }

    [Fact]
    public void A_slug_cut_at_a_hyphen_does_not_end_with_it()
    {
        var slug = Slugs.FromTitle(new string('a', 79) + " weiter");

        Assert.Equal(new string('a', 79), slug);
    }

    [Fact]
    public void Umlauts_count_as_two_letters_toward_the_max_length()
    {
        var slug = Slugs.FromTitle(new string('ü', 50));

        Assert.Equal(string.Concat(Enumerable.Repeat("ue", 40)), slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ---")]
    [InlineData("日本語")]
    public void A_title_with_no_usable_letters_becomes_inhalt(string title)
    {
        Assert.Equal("inhalt", Slugs.FromTitle(title));
    }

    [Theory]
    [InlineData("Bewässerung in Groß Klein")]
    [InlineData("  --Hallo Rostock!--  ")]
    [InlineData("")]
    [InlineData("Crème brûlée à la Warnemünde und noch viel mehr Text, der weit über achtzig Zeichen hinausgeht")]
    public void Every_slug_made_from_a_title_is_valid(string title)
    {
        Assert.True(Slugs.IsValid(Slugs.FromTitle(title)), $"'{Slugs.FromTitle(title)}' should be valid");
    }

    [Theory]
    [InlineData("bewaesserung-in-gross-klein")]
    [InlineData("a")]
    [InlineData("2026")]
    [InlineData("smart-city-2030")]
    public void Lowercase_ascii_letters_digits_and_inner_hyphens_are_a_valid_slug(string slug)
    {
        Assert.True(Slugs.IsValid(slug));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-hallo")]
    [InlineData("hallo-")]
    [InlineData("Hallo")]
    [InlineData("grüße")]
    [InlineData("hallo welt")]
    [InlineData("hallo_welt")]
    [InlineData("hallo/welt")]
    public void Anything_else_is_not_a_valid_slug(string slug)
    {
        Assert.False(Slugs.IsValid(slug));
    }

    [Fact]
    public void A_slug_of_the_max_length_is_valid_and_one_longer_is_not()
    {
        Assert.True(Slugs.IsValid(new string('a', 80)));
        Assert.False(Slugs.IsValid(new string('a', 81)));
    }

    [Fact]
    public void A_path_puts_the_slug_into_the_pattern()
    {
        Assert.Equal("/aktuelles/bewaesserung", Slugs.Path("/aktuelles/{slug}", "bewaesserung"));
        Assert.Equal("/en/news/watering", Slugs.Path("/en/news/{slug}", "watering"));
    }

    [Fact]
    public void A_long_title_is_cut_at_a_word_boundary()
    {
        var slug = Slugs.FromTitle("Aufruf für Unternehmen: Jetzt Partner auf der Smart Country Convention 2025 werden!");

        Assert.Equal("aufruf-fuer-unternehmen-jetzt-partner-auf-der-smart-country-convention-2025", slug);
    }
}
