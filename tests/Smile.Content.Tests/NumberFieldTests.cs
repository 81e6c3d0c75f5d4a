using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Fields;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class NumberFieldTests
{
    private static readonly FieldSettings OneToTen = new() { Min = 1, Max = 10 };

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-3", "-3")]
    [InlineData("2.5", "2.5")]
    [InlineData("1e3", "1000")]
    public void A_number_is_stored_as_a_json_number(string json, string stored)
    {
        var result = Normalize(FieldKind.Number, json);

        Assert.Equal(stored, result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("10")]
    [InlineData("5.5")]
    public void Min_and_max_are_inclusive(string json)
    {
        var result = Normalize(FieldKind.Number, json, OneToTen);

        Assert.Empty(result.Errors);
        Assert.Equal(json, result.Json);
    }

    [Fact]
    public void A_number_below_min_is_refused()
    {
        var result = Normalize(FieldKind.Number, "0.5", OneToTen);

        Assert.Equal("Der Wert 0.5 ist kleiner als das Minimum 1.", result.Error);
    }

    [Fact]
    public void A_number_above_max_is_refused()
    {
        var result = Normalize(FieldKind.Number, "10.25", OneToTen);

        Assert.Equal("Der Wert 10.25 ist größer als das Maximum 10.", result.Error);
    }

    [Fact]
    public void Min_alone_does_not_limit_large_numbers()
    {
        var result = Normalize(FieldKind.Number, "1000000", new FieldSettings { Min = 0 });

        Assert.Equal("1000000", result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("\"42\"", "Text")]
    [InlineData("true", "Wahrheitswert")]
    [InlineData("[1]", "Liste")]
    [InlineData("{\"value\":1}", "Objekt")]
    public void A_value_that_is_not_a_number_is_refused(string json, string described)
    {
        var result = Normalize(FieldKind.Number, json);

        Assert.Null(result.Value);
        Assert.Equal($"Erwartet wird eine Zahl, nicht {described}.", result.Error);
    }

    [Fact]
    public void A_number_too_large_for_a_double_is_refused()
    {
        var result = Normalize(FieldKind.Number, "1e400");

        Assert.Null(result.Value);
        Assert.Equal("Die Zahl ist ungültig.", result.Error);
    }

    [Fact]
    public void A_number_built_in_code_from_an_int_is_stored()
    {
        var result = Normalize(FieldKind.Number, JsonValue.Create(5));

        Assert.Equal("5", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_number_built_in_code_from_a_decimal_is_checked_against_max()
    {
        var result = Normalize(FieldKind.Number, JsonValue.Create(10.5m), OneToTen);

        Assert.Equal("10.5", result.Json);
        Assert.Equal("Der Wert 10.5 ist größer als das Maximum 10.", result.Error);
    }

    [Fact]
    public void A_number_is_indexed_as_a_number_entry()
    {
        var entry = Assert.Single(Index(FieldKind.Number, "12.5"));

        Assert.Equal(new FieldIndexEntry(FieldName, Number: 12.5), entry);
    }
}
