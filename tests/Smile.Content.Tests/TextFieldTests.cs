using Smile.Content.Definitions;
using Smile.Content.Fields;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class TextFieldTests
{
    [Fact]
    public void Text_is_stored_trimmed()
    {
        var result = Normalize(FieldKind.Text, "\"  Hallo Rostock \\n \"");

        Assert.Equal("\"Hallo Rostock\"", result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("\" \\t\\n \"")]
    public void Empty_or_blank_text_is_stored_as_nothing_without_an_error(string json)
    {
        var result = Normalize(FieldKind.Text, json);

        Assert.Null(result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Text_longer_than_max_length_is_refused_with_its_length()
    {
        var result = Normalize(FieldKind.Text, "\"Warnemünde\"", new FieldSettings { MaxLength = 5 });

        Assert.Equal("Der Text ist 10 Zeichen lang; erlaubt sind höchstens 5.", result.Error);
        Assert.Equal(FieldName, result.Errors[0].Path);
    }

    [Fact]
    public void Max_length_is_measured_after_trimming()
    {
        var result = Normalize(FieldKind.Text, "\"   Rostock   \"", new FieldSettings { MaxLength = 7 });

        Assert.Equal("\"Rostock\"", result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("42", "Zahl")]
    [InlineData("true", "Wahrheitswert")]
    [InlineData("[\"a\"]", "Liste")]
    [InlineData("{\"text\":\"a\"}", "Objekt")]
    public void A_value_that_is_not_a_string_is_refused_naming_what_it_is(string json, string described)
    {
        var result = Normalize(FieldKind.Text, json);

        Assert.Null(result.Value);
        Assert.Equal($"Erwartet wird ein Text, nicht {described}.", result.Error);
    }

    [Fact]
    public void Text_is_indexed_as_a_text_entry()
    {
        var entry = Assert.Single(Index(FieldKind.Text, "\"Dierkow\""));

        Assert.Equal(new FieldIndexEntry(FieldName, Text: "Dierkow"), entry);
    }

    [Fact]
    public void Long_text_is_cut_to_the_index_text_limit()
    {
        var entry = Assert.Single(Index(FieldKind.Text, Quote(new string('x', 300))));

        Assert.Equal(new string('x', FieldIndexEntry.MaxTextLength), entry.Text);
        Assert.Equal(256, FieldIndexEntry.MaxTextLength);
    }

    [Fact]
    public void Text_has_no_relations()
    {
        Assert.Empty(Relations(FieldKind.Text, "\"Dierkow\""));
    }
}
