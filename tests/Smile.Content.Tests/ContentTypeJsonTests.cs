using System.Text.Json;
using Smile.Content.Definitions;

namespace Smile.Content.Tests;

public sealed class ContentTypeJsonTests
{
    private static ContentTypeDefinition Everything() => new()
    {
        Name = "Project",
        DisplayName = "Projekt",
        Settings = new ContentTypeSettings { Creatable = false, Listable = false, Versionable = false, Localizable = false },
        PathPattern = "/projekte/{slug}",
        PathPatterns = new Dictionary<string, string> { ["en"] = "/en/projects/{slug}", ["pl"] = "/pl/projekty/{slug}" },
        Parts = [ContentPart.Title, ContentPart.Autoroute, ContentPart.MarkdownBody, ContentPart.PublishLater, ContentPart.Localization],
        Fields =
        [
            new("teaser", "Anreißer", FieldKind.Text, new() { Required = true, MaxLength = 300, Filterable = true, Hint = "Kurz halten." }),
            new("budget", "Budget", FieldKind.Number, new() { Min = 0, Max = 1_000_000.5, Sortable = true }),
            new("phase", "Phase", FieldKind.Enumeration, new()
            {
                AllowedValues = ["idee", "umsetzung"],
                Labels = new Dictionary<string, string> { ["idee"] = "Idee", ["umsetzung"] = "Umsetzung" },
                Multiple = true,
            }),
            new("partners", "Partner", FieldKind.ContentPicker, new() { ContentTypes = ["Organisation", "Person"], Multiple = true }),
            new("district", "Stadtteil", FieldKind.Taxonomy, new() { Taxonomy = "District" }),
            new("image", "Bild", FieldKind.Media),
        ],
    };

    [Fact]
    public void A_definition_with_every_setting_survives_a_round_trip()
    {
        var original = Everything();

        var json = ContentTypeJson.Serialize(original);
        var read = ContentTypeJson.Deserialize(json);

        Assert.Equal(json, ContentTypeJson.Serialize(read));
        Assert.Equal(original.Name, read.Name);
        Assert.Equal(original.DisplayName, read.DisplayName);
        Assert.Equal(original.Settings, read.Settings);
        Assert.Equal(original.PathPattern, read.PathPattern);
        Assert.Equal(original.PathPatterns, read.PathPatterns);
        Assert.Equal(original.Parts, read.Parts);
        Assert.Equal(original.Fields.Select(f => (f.Name, f.DisplayName, f.Kind)), read.Fields.Select(f => (f.Name, f.DisplayName, f.Kind)));

        var teaser = read.Fields[0].Settings;
        Assert.True(teaser.Required);
        Assert.Equal(300, teaser.MaxLength);
        Assert.True(teaser.Filterable);
        Assert.Equal("Kurz halten.", teaser.Hint);

        var budget = read.Fields[1].Settings;
        Assert.Equal(0, budget.Min);
        Assert.Equal(1_000_000.5, budget.Max);
        Assert.True(budget.Sortable);

        var phase = read.Fields[2].Settings;
        Assert.Equal(["idee", "umsetzung"], phase.AllowedValues);
        Assert.Equal("Umsetzung", phase.Labels["umsetzung"]);
        Assert.True(phase.Multiple);

        Assert.Equal(["Organisation", "Person"], read.Fields[3].Settings.ContentTypes);
        Assert.Equal("District", read.Fields[4].Settings.Taxonomy);
        Assert.Equal(new FieldSettings().Required, read.Fields[5].Settings.Required);
        Assert.Null(read.Fields[5].Settings.MaxLength);
    }

    [Fact]
    public void The_json_is_camel_case_with_enum_names_and_without_nulls_or_computed_properties()
    {
        var type = new ContentTypeDefinition
        {
            Name = "News",
            DisplayName = "Neuigkeit",
            Parts = [ContentPart.Autoroute],
            PathPattern = "/aktuelles/{slug}",
            Fields = [new("startsAt", "Beginn", FieldKind.DateTime)],
        };

        Assert.Equal(
            "{\"name\":\"News\",\"displayName\":\"Neuigkeit\","
            + "\"settings\":{\"creatable\":true,\"listable\":true,\"versionable\":true,\"localizable\":true},"
            + "\"pathPattern\":\"/aktuelles/{slug}\",\"pathPatterns\":{},\"parts\":[\"Autoroute\"],"
            + "\"fields\":[{\"name\":\"startsAt\",\"displayName\":\"Beginn\",\"kind\":\"DateTime\","
            + "\"settings\":{\"required\":false,\"allowedValues\":[],\"labels\":{},\"multiple\":false,\"contentTypes\":[],\"filterable\":false,\"sortable\":false}}]}",
            ContentTypeJson.Serialize(type));
    }

    [Fact]
    public void Omitted_properties_take_their_defaults()
    {
        var read = ContentTypeJson.Deserialize("{\"name\":\"Tag\",\"displayName\":\"Schlagwort\",\"fields\":[{\"name\":\"color\",\"displayName\":\"Farbe\",\"kind\":\"Text\"}]}");

        Assert.Equal([ContentPart.Title], read.Parts);
        Assert.Null(read.PathPattern);
        Assert.Equal(new ContentTypeSettings(), read.Settings);
        var settings = Assert.Single(read.Fields).Settings;
        Assert.False(settings.Required);
        Assert.False(settings.Multiple);
        Assert.Empty(settings.AllowedValues);
        Assert.Empty(settings.ContentTypes);
        Assert.Null(settings.MaxLength);
    }

    [Fact]
    public void An_unknown_property_is_refused()
    {
        var error = Assert.Throws<JsonException>(() => ContentTypeJson.Deserialize("{\"name\":\"Tag\",\"displayName\":\"Schlagwort\",\"colour\":\"rot\"}"));

        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_name_is_refused()
    {
        var error = Assert.Throws<JsonException>(() => ContentTypeJson.Deserialize("{\"displayName\":\"Schlagwort\"}"));

        Assert.Contains("name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_kind_is_refused()
    {
        Assert.Throws<JsonException>(() => ContentTypeJson.Deserialize("{\"name\":\"Tag\",\"displayName\":\"T\",\"fields\":[{\"name\":\"x\",\"displayName\":\"X\",\"kind\":\"Colour\"}]}"));
    }

    [Fact]
    public void A_json_null_is_refused_as_an_empty_definition()
    {
        var error = Assert.Throws<JsonException>(() => ContentTypeJson.Deserialize("null"));

        Assert.Equal("Leere Typdefinition.", error.Message);
    }
}
