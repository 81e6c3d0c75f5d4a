using Smile.Content.Definitions;
using Smile.Content.Fields;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class TaxonomyFieldTests
{
    private static readonly FieldSettings Districts = new() { Taxonomy = "District", Multiple = true };

    [Fact]
    public void Terms_are_stored_as_a_distinct_id_array()
    {
        var result = Normalize(FieldKind.Taxonomy, "[\"dierkow\",\" gross-klein\",\"dierkow\"]", Districts);

        Assert.Equal("[\"dierkow\",\"gross-klein\"]", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_single_term_is_stored_as_an_array_of_one()
    {
        var result = Normalize(FieldKind.Taxonomy, "\"dierkow\"", new FieldSettings { Taxonomy = "District" });

        Assert.Equal("[\"dierkow\"]", result.Json);
    }

    [Fact]
    public void A_single_term_field_refuses_several_terms()
    {
        var result = Normalize(FieldKind.Taxonomy, "[\"dierkow\",\"gross-klein\"]", new FieldSettings { Taxonomy = "District" });

        Assert.Null(result.Value);
        Assert.Equal("Dieses Feld erlaubt nur einen Wert.", result.Error);
    }

    [Fact]
    public void A_term_that_is_not_an_id_is_refused()
    {
        var result = Normalize(FieldKind.Taxonomy, "[true]", Districts);

        Assert.Null(result.Value);
        Assert.Equal("Erwartet wird eine Inhalts-ID, nicht Wahrheitswert.", result.Error);
    }

    [Fact]
    public void Terms_become_item_relations_by_position()
    {
        var relations = Relations(FieldKind.Taxonomy, "[\"dierkow\",\"gross-klein\"]");

        Assert.Equal([new RelationEntry(FieldName, "dierkow", 0), new RelationEntry(FieldName, "gross-klein", 1)], relations);
        Assert.All(relations, r => Assert.Equal(RelationKind.Item, r.Kind));
    }

    [Fact]
    public void The_allowed_type_is_the_term_type_and_not_the_content_types()
    {
        var handler = (ContentPickerFieldHandler)FieldHandlers.For(FieldKind.Taxonomy);

        Assert.Equal(["District"], handler.AllowedTypes(new FieldSettings { Taxonomy = "District", ContentTypes = ["News"] }));
        Assert.Empty(handler.AllowedTypes(new FieldSettings { ContentTypes = ["News"] }));
    }
}
