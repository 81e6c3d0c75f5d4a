using Smile.Content.Definitions;
using Smile.Content.Fields;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class FieldHandlersTests
{
    public static TheoryData<FieldKind> AllKinds => [.. Enum.GetValues<FieldKind>()];

    [Theory]
    [MemberData(nameof(AllKinds))]
    public void Every_field_kind_has_a_handler_for_that_kind(FieldKind kind)
    {
        Assert.Equal(kind, FieldHandlers.For(kind).Kind);
    }

    [Fact]
    public void There_are_thirteen_field_kinds()
    {
        Assert.Equal(13, Enum.GetValues<FieldKind>().Length);
    }

    [Fact]
    public void The_taxonomy_handler_is_a_content_picker()
    {
        Assert.IsType<TaxonomyFieldHandler>(FieldHandlers.For(FieldKind.Taxonomy));
        Assert.IsAssignableFrom<ContentPickerFieldHandler>(FieldHandlers.For(FieldKind.Taxonomy));
    }

    [Fact]
    public void Errors_are_reported_under_the_field_name()
    {
        var result = Normalize(FieldKind.Number, "\"x\"");

        var error = Assert.Single(result.Errors);
        Assert.Equal(FieldName, error.Path);
        Assert.Equal("feld: Erwartet wird eine Zahl, nicht Text.", error.ToString());
    }

    [Fact]
    public void Min_and_max_errors_are_both_reported_for_one_value()
    {
        var result = Normalize(FieldKind.Number, "5", new FieldSettings { Min = 6, Max = 4 });

        Assert.Equal(["Der Wert 5 ist kleiner als das Minimum 6.", "Der Wert 5 ist größer als das Maximum 4."], result.Errors.Select(e => e.Message));
    }
}
