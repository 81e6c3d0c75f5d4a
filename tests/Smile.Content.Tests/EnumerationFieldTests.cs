using Smile.Content.Definitions;
using Smile.Content.Fields;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class EnumerationFieldTests
{
    private static readonly FieldSettings Single = new() { AllowedValues = ["klein", "mittel", "gross"] };
    private static readonly FieldSettings Multiple = Single with { Multiple = true };

    [Fact]
    public void An_allowed_value_is_stored_as_a_string()
    {
        var result = Normalize(FieldKind.Enumeration, "\"mittel\"", Single);

        Assert.Equal("\"mittel\"", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_single_value_field_accepts_an_array_of_one()
    {
        var result = Normalize(FieldKind.Enumeration, "[\"gross\"]", Single);

        Assert.Equal("\"gross\"", result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("riesig")]
    [InlineData("Mittel")]
    [InlineData(" mittel")]
    [InlineData("")]
    public void A_value_that_is_not_allowed_is_refused_listing_the_allowed_ones(string value)
    {
        var result = Normalize(FieldKind.Enumeration, Quote(value), Single);

        Assert.Null(result.Value);
        Assert.Equal($"'{value}' ist nicht erlaubt; erlaubt sind klein, mittel, gross.", result.Error);
    }

    [Fact]
    public void A_single_value_field_refuses_several_values()
    {
        var result = Normalize(FieldKind.Enumeration, "[\"klein\",\"gross\"]", Single);

        Assert.Null(result.Value);
        Assert.Equal("Dieses Feld erlaubt nur einen Wert.", result.Error);
    }

    [Fact]
    public void A_multiple_field_stores_distinct_values_in_input_order()
    {
        var result = Normalize(FieldKind.Enumeration, "[\"gross\",\"klein\",\"gross\"]", Multiple);

        Assert.Equal("[\"gross\",\"klein\"]", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_multiple_field_stores_a_single_value_as_an_array()
    {
        var result = Normalize(FieldKind.Enumeration, "\"klein\"", Multiple);

        Assert.Equal("[\"klein\"]", result.Json);
    }

    [Fact]
    public void One_bad_value_in_a_multiple_field_refuses_the_whole_field()
    {
        var result = Normalize(FieldKind.Enumeration, "[\"klein\",\"riesig\"]", Multiple);

        Assert.Null(result.Value);
        Assert.Equal("'riesig' ist nicht erlaubt; erlaubt sind klein, mittel, gross.", result.Error);
    }

    [Fact]
    public void An_empty_array_is_stored_as_nothing()
    {
        var result = Normalize(FieldKind.Enumeration, "[]", Multiple);

        Assert.Null(result.Value);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("3", "Zahl")]
    [InlineData("[true]", "Wahrheitswert")]
    public void A_value_that_is_not_a_string_is_refused(string json, string described)
    {
        var result = Normalize(FieldKind.Enumeration, json, Multiple);

        Assert.Equal($"Erwartet wird einer der Werte klein, mittel, gross, nicht {described}.", result.Error);
    }

    [Fact]
    public void A_single_value_is_indexed_as_one_text_entry()
    {
        var entry = Assert.Single(Index(FieldKind.Enumeration, "\"mittel\""));

        Assert.Equal(new FieldIndexEntry(FieldName, Text: "mittel"), entry);
    }

    [Fact]
    public void Multiple_values_are_indexed_as_one_text_entry_each()
    {
        var entries = Index(FieldKind.Enumeration, "[\"gross\",\"klein\"]");

        Assert.Equal([new FieldIndexEntry(FieldName, Text: "gross"), new FieldIndexEntry(FieldName, Text: "klein")], entries);
    }
}
