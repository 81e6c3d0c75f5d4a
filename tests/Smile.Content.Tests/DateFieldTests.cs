using Smile.Content.Definitions;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class DateFieldTests
{
    [Theory]
    [InlineData("2026-05-04")]
    [InlineData("2024-02-29")]
    [InlineData("1990-10-03")]
    public void A_date_in_iso_format_is_stored_as_is(string date)
    {
        var result = Normalize(FieldKind.Date, Quote(date));

        Assert.Equal(Quote(date), result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("04.05.2026")]
    [InlineData("2026-5-4")]
    [InlineData("05/04/2026")]
    [InlineData("2026-02-30")]
    [InlineData("2025-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-05-04T10:00:00")]
    [InlineData(" 2026-05-04")]
    [InlineData("heute")]
    public void Anything_but_yyyy_MM_dd_is_refused(string text)
    {
        var result = Normalize(FieldKind.Date, Quote(text));

        Assert.Null(result.Value);
        Assert.Equal($"'{text}' ist kein Datum im Format JJJJ-MM-TT.", result.Error);
    }

    [Fact]
    public void An_empty_string_is_stored_as_nothing()
    {
        var result = Normalize(FieldKind.Date, "\"\"");

        Assert.Null(result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_number_is_not_a_date()
    {
        var result = Normalize(FieldKind.Date, "20260504");

        Assert.Equal("Erwartet wird ein Datum (JJJJ-MM-TT), nicht Zahl.", result.Error);
    }

    [Fact]
    public void A_date_is_indexed_as_utc_midnight()
    {
        var entry = Assert.Single(Index(FieldKind.Date, "\"2026-05-04\""));

        Assert.Equal(FieldName, entry.Field);
        Assert.Equal(new DateTime(2026, 5, 4, 0, 0, 0, DateTimeKind.Utc), entry.Date);
        Assert.Equal(DateTimeKind.Utc, entry.Date!.Value.Kind);
        Assert.Null(entry.Text);
    }
}
