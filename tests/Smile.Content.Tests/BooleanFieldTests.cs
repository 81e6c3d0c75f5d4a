using Smile.Content.Definitions;
using Smile.Content.Fields;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class BooleanFieldTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void True_and_false_are_stored_as_they_are(string json)
    {
        var result = Normalize(FieldKind.Boolean, json);

        Assert.Equal(json, result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("\"true\"", "Text")]
    [InlineData("\"ja\"", "Text")]
    [InlineData("1", "Zahl")]
    [InlineData("0", "Zahl")]
    [InlineData("[true]", "Liste")]
    public void Anything_but_a_json_boolean_is_refused(string json, string described)
    {
        var result = Normalize(FieldKind.Boolean, json);

        Assert.Null(result.Value);
        Assert.Equal($"Erwartet wird true oder false, nicht {described}.", result.Error);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void A_boolean_is_indexed_as_a_boolean_entry(string stored, bool expected)
    {
        var entry = Assert.Single(Index(FieldKind.Boolean, stored));

        Assert.Equal(new FieldIndexEntry(FieldName, Boolean: expected), entry);
    }
}
