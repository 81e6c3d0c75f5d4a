using Smile.Content.Definitions;
using Smile.Content.Fields;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class DateTimeFieldTests
{
    [Theory]
    [InlineData("2026-05-04T18:00:00+02:00", "2026-05-04T16:00:00Z")]
    [InlineData("2026-01-15T18:00:00+01:00", "2026-01-15T17:00:00Z")]
    [InlineData("2026-05-04T18:00:00-05:00", "2026-05-04T23:00:00Z")]
    [InlineData("2026-05-04T23:30:00-01:00", "2026-05-05T00:30:00Z")]
    [InlineData("2026-05-04T18:00:00Z", "2026-05-04T18:00:00Z")]
    [InlineData("2026-05-04T18:00:00+00:00", "2026-05-04T18:00:00Z")]
    public void A_time_with_an_offset_is_converted_to_utc(string input, string stored)
    {
        var result = Normalize(FieldKind.DateTime, Quote(input));

        Assert.Equal(Quote(stored), result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Fractions_of_a_second_are_dropped()
    {
        var result = Normalize(FieldKind.DateTime, "\"2026-05-04T18:00:00.987Z\"");

        Assert.Equal("\"2026-05-04T18:00:00Z\"", result.Json);
    }

    [Theory]
    [InlineData("2026-07-01T12:00:00", "2026-07-01T10:00:00Z")]
    [InlineData("2026-05-04T18:00", "2026-05-04T16:00:00Z")]
    [InlineData("2026-07-01T00:30:00", "2026-06-30T22:30:00Z")]
    public void A_summer_time_without_offset_is_read_as_berlin_summer_time(string input, string stored)
    {
        var result = Normalize(FieldKind.DateTime, Quote(input));

        Assert.Equal(Quote(stored), result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("2026-01-15T12:00:00", "2026-01-15T11:00:00Z")]
    [InlineData("2026-12-24T18:00", "2026-12-24T17:00:00Z")]
    [InlineData("2026-01-01T00:30:00", "2025-12-31T23:30:00Z")]
    public void A_winter_time_without_offset_is_read_as_berlin_standard_time(string input, string stored)
    {
        var result = Normalize(FieldKind.DateTime, Quote(input));

        Assert.Equal(Quote(stored), result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_time_in_the_spring_gap_moves_forward_like_the_clock()
    {
        var result = Normalize(FieldKind.DateTime, "\"2026-03-29T02:30:00\"");

        Assert.Equal("\"2026-03-29T01:30:00Z\"", result.Json);
    }

    [Fact]
    public void A_time_in_the_autumn_overlap_takes_the_summer_offset()
    {
        var result = Normalize(FieldKind.DateTime, "\"2026-10-25T02:30:00\"");

        Assert.Equal("\"2026-10-25T00:30:00Z\"", result.Json);
    }

    [Theory]
    [InlineData("morgen")]
    [InlineData("2026-05-04T25:00:00")]
    [InlineData("2026-13-01T10:00:00")]
    [InlineData("2026-02-30T10:00:00")]
    [InlineData("2026-05-04T18:00:00+25:00")]
    [InlineData("18 Uhr")]
    public void Garbage_is_refused_with_an_example_of_the_format(string input)
    {
        var result = Normalize(FieldKind.DateTime, Quote(input));

        Assert.Null(result.Value);
        Assert.Equal($"'{input}' ist kein Zeitpunkt im Format ISO 8601 (z. B. 2026-05-04T18:00:00+02:00).", result.Error);
    }

    [Fact]
    public void An_empty_string_is_stored_as_nothing()
    {
        var result = Normalize(FieldKind.DateTime, "\"\"");

        Assert.Null(result.Value);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("1777910400", "Zahl")]
    [InlineData("{\"at\":\"2026-05-04T18:00:00Z\"}", "Objekt")]
    public void A_value_that_is_not_a_string_is_refused(string json, string described)
    {
        var result = Normalize(FieldKind.DateTime, json);

        Assert.Equal($"Erwartet wird Datum und Uhrzeit (ISO 8601), nicht {described}.", result.Error);
    }

    [Fact]
    public void A_date_time_is_indexed_as_a_utc_date_entry()
    {
        var entry = Assert.Single(Index(FieldKind.DateTime, "\"2026-05-04T16:00:00Z\""));

        Assert.Equal(FieldName, entry.Field);
        Assert.Equal(new DateTime(2026, 5, 4, 16, 0, 0, DateTimeKind.Utc), entry.Date);
        Assert.Equal(DateTimeKind.Utc, entry.Date!.Value.Kind);
    }

    [Fact]
    public void The_stored_form_parses_back_to_the_same_utc_instant()
    {
        var parsed = DateTimeFieldHandler.Parse("2026-10-25T00:30:00Z");

        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
        Assert.Equal("2026-10-25T00:30:00Z", parsed.ToString(DateTimeFieldHandler.StoredFormat, System.Globalization.CultureInfo.InvariantCulture));
    }
}
