using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Routing;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

// Edge cases that were bugs once: kept so they stay fixed.
public sealed class FoundBugsTests
{
    // DateTimeFieldHandler.cs:50 only sees an offset when the text has a 'T'; then line 57 hands the
    // text to DateTime.TryParse, which applies the offset and returns the *host's* local time
    // (Kind=Local), which BerlinTime.ToUtc then reads as Berlin wall-clock time. On a UTC host the
    // result is two hours off; on a Berlin host it is right by accident.
    [Theory]
    [InlineData("2026-05-04 18:00:00+02:00", "2026-05-04T16:00:00Z")]
    public void A_time_with_an_offset_but_no_capital_T_is_converted_with_that_offset(string input, string stored)
    {
        var result = Normalize(FieldKind.DateTime, Quote(input));

        Assert.Equal(Quote(stored), result.Json);
    }

    // DateTimeFieldHandler.cs:57 uses DateTime.TryParse with the invariant culture, which reads
    // US month/day order: a German editor's "04/05/2026" (4 May) is stored as 5 April. The error
    // message promises ISO 8601 only.
    [Theory]
    [InlineData("2026-05-04t18:00:00+02:00")]
    [InlineData("2026-05-04 18:00:00 GMT")]
    [InlineData("04/05/2026 18:00")]
    [InlineData("May 4, 2026 6:00 PM")]
    public void A_time_that_is_not_iso_8601_is_refused(string input)
    {
        var result = Normalize(FieldKind.DateTime, Quote(input));

        Assert.Null(result.Value);
        Assert.Single(result.Errors);
    }

    // LinkFieldHandler.cs:57 accepts every url that starts with '/' but not "//". Browsers treat a
    // backslash like a slash and drop tabs and newlines in URLs, so these resolve to
    // https://evil.example/ when put into an href: protocol-relative links in disguise.
    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    public void A_disguised_protocol_relative_link_is_refused(string url)
    {
        var result = Normalize(FieldKind.Link, Quote(url));

        Assert.Null(result.Value);
        Assert.Single(result.Errors);
    }

    // Slugs.cs:20-22 looks umlauts up char by char without first composing the title (NFC).
    // Text pasted from macOS often arrives decomposed: 'a' + U+0308, which then loses its
    // diaeresis instead of becoming "ae".
    [Fact]
    public void A_decomposed_umlaut_is_transliterated_like_a_composed_one()
    {
        Assert.Equal("bewaesserung-in-gross-klein", Slugs.FromTitle("Bewa\u0308sserung in Groß Klein"));
    }

    // Slugs.cs:28 says "Other accents (é, č, ø) lose their marks", but ø, ł, æ, đ have no
    // Unicode decomposition: they are dropped and split the word.
    [Theory]
    [InlineData("København", "kobenhavn")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Ærø", "aero")]
    [InlineData("Đakovo", "dakovo")]
    public void Letters_with_strokes_keep_their_base_letter(string title, string slug)
    {
        Assert.Equal(slug, Slugs.FromTitle(title));
    }

    // GeoPointFieldHandler.cs:22-23 call GetValue<double>(), which throws InvalidOperationException
    // for a JsonValue built in C# from an int or long (as importers build ContentInput.Fields:
    // new JsonObject { ["lat"] = 54 }). Parsed JSON works. NumberFieldHandler had the same bug and
    // was fixed in f86b27d by parsing the JSON text; the point needs the same.
    [Fact]
    public void A_geo_point_built_in_code_from_ints_is_stored()
    {
        var result = Normalize(FieldKind.GeoPoint, new JsonObject { ["lat"] = 54, ["lon"] = 12 });

        Assert.Equal("{\"lat\":54,\"lon\":12}", result.Json);
        Assert.Empty(result.Errors);
    }

    // MediaFieldHandler.cs:41 checks the alt length after deciding the image is decorative, so a
    // decorative image is refused for an alt text that line 47 would throw away anyway.
    [Fact]
    public void A_decorative_image_is_not_refused_for_an_alt_text_it_drops()
    {
        var result = Normalize(FieldKind.Media, $"{{\"mediaId\":\"m1\",\"decorative\":true,\"alt\":{Quote(new string('a', 501))}}}");

        Assert.Equal("{\"mediaId\":\"m1\",\"alt\":\"\",\"decorative\":true}", result.Json);
        Assert.Empty(result.Errors);
    }
}
