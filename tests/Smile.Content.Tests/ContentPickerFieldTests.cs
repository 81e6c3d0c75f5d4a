using Smile.Content.Definitions;
using Smile.Content.Fields;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class ContentPickerFieldTests
{
    private static readonly FieldSettings Multiple = new() { Multiple = true };

    [Fact]
    public void A_single_id_is_stored_as_an_array_of_one()
    {
        var result = Normalize(FieldKind.ContentPicker, "\"item-1\"");

        Assert.Equal("[\"item-1\"]", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Ids_are_trimmed_and_made_distinct_in_editor_order()
    {
        var result = Normalize(FieldKind.ContentPicker, "[\" item-3 \",\"item-1\",\"item-3\",null,\"item-1 \"]", Multiple);

        Assert.Equal("[\"item-3\",\"item-1\"]", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_single_value_picker_accepts_an_array_of_one()
    {
        var result = Normalize(FieldKind.ContentPicker, "[\"item-1\"]");

        Assert.Equal("[\"item-1\"]", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_single_value_picker_refuses_several_ids()
    {
        var result = Normalize(FieldKind.ContentPicker, "[\"item-1\",\"item-2\"]");

        Assert.Null(result.Value);
        Assert.Equal("Dieses Feld erlaubt nur einen Wert.", result.Error);
    }

    [Theory]
    [InlineData("[\"item-1\",7]", "Zahl")]
    [InlineData("[\"item-1\",\"  \"]", "Text")]
    [InlineData("{\"id\":\"item-1\"}", "Objekt")]
    [InlineData("\"\"", "Text")]
    public void Anything_but_a_non_blank_id_string_is_refused(string json, string described)
    {
        var result = Normalize(FieldKind.ContentPicker, json, Multiple);

        Assert.Null(result.Value);
        Assert.Equal($"Erwartet wird eine Inhalts-ID, nicht {described}.", result.Error);
    }

    [Fact]
    public void An_empty_array_is_stored_as_nothing()
    {
        var result = Normalize(FieldKind.ContentPicker, "[]", Multiple);

        Assert.Null(result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Picked_ids_become_item_relations_by_position()
    {
        var relations = Relations(FieldKind.ContentPicker, "[\"item-3\",\"item-1\"]");

        Assert.Equal([new RelationEntry(FieldName, "item-3", 0, RelationKind.Item), new RelationEntry(FieldName, "item-1", 1, RelationKind.Item)], relations);
    }

    [Fact]
    public void A_picker_produces_no_index_entries()
    {
        Assert.Empty(Index(FieldKind.ContentPicker, "[\"item-1\"]"));
    }

    [Fact]
    public void The_allowed_types_are_the_configured_content_types()
    {
        var handler = (ContentPickerFieldHandler)FieldHandlers.For(FieldKind.ContentPicker);

        Assert.Equal(["Project", "Event"], handler.AllowedTypes(new FieldSettings { ContentTypes = ["Project", "Event"] }));
        Assert.Empty(handler.AllowedTypes(new FieldSettings()));
    }
}
