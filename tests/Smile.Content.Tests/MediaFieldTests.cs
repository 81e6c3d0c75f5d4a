using Smile.Content.Definitions;
using Smile.Content.Fields;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class MediaFieldTests
{
    private static readonly FieldSettings Multiple = new() { Multiple = true };

    private const string MissingAlt = "Für das Medium 'm1' fehlt der Alternativtext. Beschreiben Sie das Bild oder markieren Sie es als dekorativ.";

    [Fact]
    public void A_media_field_with_alt_text_is_stored_trimmed_and_not_decorative()
    {
        var result = Normalize(FieldKind.Media, "{\"mediaId\":\" m1 \",\"alt\":\"  Sensor im Beet in Dierkow \"}");

        Assert.Equal("{\"mediaId\":\"m1\",\"alt\":\"Sensor im Beet in Dierkow\",\"decorative\":false}", result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("{\"mediaId\":\"m1\"}")]
    [InlineData("{\"mediaId\":\"m1\",\"alt\":\"\"}")]
    [InlineData("{\"mediaId\":\"m1\",\"alt\":\"   \"}")]
    [InlineData("{\"mediaId\":\"m1\",\"alt\":42}")]
    [InlineData("{\"mediaId\":\"m1\",\"decorative\":false}")]
    [InlineData("{\"mediaId\":\"m1\",\"decorative\":\"true\"}")]
    public void A_media_field_without_alt_text_is_invalid_unless_decorative(string json)
    {
        var result = Normalize(FieldKind.Media, json);

        Assert.Null(result.Value);
        Assert.Equal(MissingAlt, result.Error);
    }

    [Fact]
    public void A_decorative_image_needs_no_alt_text()
    {
        var result = Normalize(FieldKind.Media, "{\"mediaId\":\"m1\",\"decorative\":true}");

        Assert.Equal("{\"mediaId\":\"m1\",\"alt\":\"\",\"decorative\":true}", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_decorative_image_drops_any_alt_text()
    {
        var result = Normalize(FieldKind.Media, "{\"mediaId\":\"m1\",\"alt\":\"Ornament\",\"decorative\":true}");

        Assert.Equal("{\"mediaId\":\"m1\",\"alt\":\"\",\"decorative\":true}", result.Json);
    }

    [Theory]
    [InlineData("{\"alt\":\"Bild\"}")]
    [InlineData("{\"mediaId\":\"\",\"alt\":\"Bild\"}")]
    [InlineData("{\"mediaId\":\"  \",\"alt\":\"Bild\"}")]
    [InlineData("{\"mediaId\":17,\"alt\":\"Bild\"}")]
    [InlineData("\"m1\"")]
    [InlineData("[\"m1\"]")]
    public void A_media_field_without_a_media_id_is_refused(string json)
    {
        var result = Normalize(FieldKind.Media, json);

        Assert.Null(result.Value);
        Assert.Equal("Ein Medium braucht eine Medien-ID (mediaId).", result.Error);
    }

    [Fact]
    public void Alt_text_of_exactly_the_limit_is_allowed()
    {
        var alt = new string('a', MediaFieldHandler.MaxAltLength);

        var result = Normalize(FieldKind.Media, $"{{\"mediaId\":\"m1\",\"alt\":{Quote(alt)}}}");

        Assert.Empty(result.Errors);
        Assert.Equal(alt, result.Value!["alt"]!.GetValue<string>());
    }

    [Fact]
    public void Alt_text_longer_than_the_limit_is_refused()
    {
        var result = Normalize(FieldKind.Media, $"{{\"mediaId\":\"m1\",\"alt\":{Quote(new string('a', 501))}}}");

        Assert.Null(result.Value);
        Assert.Equal("Der Alternativtext ist 501 Zeichen lang; erlaubt sind höchstens 500.", result.Error);
        Assert.Equal(500, MediaFieldHandler.MaxAltLength);
    }

    [Fact]
    public void A_caption_is_kept_trimmed_and_a_blank_one_is_dropped()
    {
        var withCaption = Normalize(FieldKind.Media, "{\"mediaId\":\"m1\",\"alt\":\"Bild\",\"caption\":\" Foto: Stadt Rostock \"}");
        var blankCaption = Normalize(FieldKind.Media, "{\"mediaId\":\"m1\",\"alt\":\"Bild\",\"caption\":\" \"}");

        Assert.Equal("{\"mediaId\":\"m1\",\"alt\":\"Bild\",\"decorative\":false,\"caption\":\"Foto: Stadt Rostock\"}", withCaption.Json);
        Assert.Equal("{\"mediaId\":\"m1\",\"alt\":\"Bild\",\"decorative\":false}", blankCaption.Json);
    }

    [Fact]
    public void Unknown_properties_are_not_stored()
    {
        var result = Normalize(FieldKind.Media, "{\"mediaId\":\"m1\",\"alt\":\"Bild\",\"onload\":\"x()\"}");

        Assert.Equal("{\"mediaId\":\"m1\",\"alt\":\"Bild\",\"decorative\":false}", result.Json);
    }

    [Fact]
    public void A_single_media_field_stores_an_array_of_one_as_an_object()
    {
        var result = Normalize(FieldKind.Media, "[{\"mediaId\":\"m1\",\"alt\":\"Bild\"}]");

        Assert.Equal("{\"mediaId\":\"m1\",\"alt\":\"Bild\",\"decorative\":false}", result.Json);
    }

    [Fact]
    public void A_single_media_field_refuses_several_media()
    {
        var result = Normalize(FieldKind.Media, "[{\"mediaId\":\"m1\",\"alt\":\"A\"},{\"mediaId\":\"m2\",\"alt\":\"B\"}]");

        Assert.Null(result.Value);
        Assert.Equal("Dieses Feld erlaubt nur einen Wert.", result.Error);
    }

    [Fact]
    public void A_multiple_media_field_stores_an_array_in_order()
    {
        var result = Normalize(FieldKind.Media, "[{\"mediaId\":\"m2\",\"alt\":\"B\"},{\"mediaId\":\"m1\",\"decorative\":true}]", Multiple);

        Assert.Equal("[{\"mediaId\":\"m2\",\"alt\":\"B\",\"decorative\":false},{\"mediaId\":\"m1\",\"alt\":\"\",\"decorative\":true}]", result.Json);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void One_image_without_alt_text_refuses_a_multiple_media_field()
    {
        var result = Normalize(FieldKind.Media, "[{\"mediaId\":\"m2\",\"alt\":\"B\"},{\"mediaId\":\"m1\"}]", Multiple);

        Assert.Null(result.Value);
        Assert.Equal(MissingAlt, result.Error);
    }

    [Fact]
    public void An_empty_media_array_is_stored_as_nothing()
    {
        var result = Normalize(FieldKind.Media, "[]", Multiple);

        Assert.Null(result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_single_medium_relates_to_its_media_asset()
    {
        var relation = Assert.Single(Relations(FieldKind.Media, "{\"mediaId\":\"m1\",\"alt\":\"Bild\",\"decorative\":false}"));

        Assert.Equal(new RelationEntry(FieldName, "m1", 0, RelationKind.Media), relation);
    }

    [Fact]
    public void Several_media_relate_to_their_assets_by_position()
    {
        var relations = Relations(FieldKind.Media, "[{\"mediaId\":\"m2\",\"alt\":\"B\",\"decorative\":false},{\"mediaId\":\"m1\",\"alt\":\"\",\"decorative\":true}]");

        Assert.Equal([new RelationEntry(FieldName, "m2", 0, RelationKind.Media), new RelationEntry(FieldName, "m1", 1, RelationKind.Media)], relations);
    }

    [Fact]
    public void Media_produce_no_index_entries()
    {
        Assert.Empty(Index(FieldKind.Media, "{\"mediaId\":\"m1\",\"alt\":\"Bild\",\"decorative\":false}"));
    }
}
