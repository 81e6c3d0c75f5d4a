using System.Text.Json.Nodes;
using Smile.Admin.Forms;
using Smile.Content.Definitions;
using Smile.Content.Fields;
using Smile.Content.Rendering;
using Smile.Content.Validation;

namespace Smile.Admin.Tests;

/// <summary>The generated form's inputs against the field handlers of the content core: what is shown comes back unchanged.</summary>
public sealed class FieldFormTests
{
    private static readonly ContentTypeDefinition EveryKind = new()
    {
        Name = "Everything",
        DisplayName = "Alles",
        Parts = [ContentPart.Title, ContentPart.Autoroute, ContentPart.MarkdownBody],
        PathPattern = "/alles/{slug}",
        Fields =
        [
            new("teaser", "Anriss", FieldKind.Text),
            new("notes", "Notizen", FieldKind.Html),
            new("count", "Anzahl", FieldKind.Number),
            new("open", "Geöffnet", FieldKind.Boolean),
            new("closed", "Geschlossen", FieldKind.Boolean),
            new("day", "Tag", FieldKind.Date),
            new("start", "Beginn", FieldKind.DateTime),
            new("link", "Link", FieldKind.Link),
            new("phase", "Phase", FieldKind.Enumeration, new FieldSettings { AllowedValues = ["planned", "active"] }),
            new("formats", "Formate", FieldKind.Enumeration, new FieldSettings { AllowedValues = ["a", "b", "c"], Multiple = true }),
            new("hero", "Bild", FieldKind.Media),
            new("images", "Bilder", FieldKind.Media, new FieldSettings { Multiple = true }),
            new("projects", "Projekte", FieldKind.ContentPicker, new FieldSettings { Multiple = true }),
            new("tags", "Themen", FieldKind.Taxonomy, new FieldSettings { Taxonomy = "Tag", Multiple = true }),
            new("location", "Ort", FieldKind.GeoPoint),
        ],
    };

    [Fact]
    public void Every_field_kind_comes_back_from_the_form_as_the_value_that_was_stored()
    {
        var stored = new JsonObject
        {
            ["body"] = new JsonObject { ["markdown"] = "Hallo **Rostock**", ["html"] = "<p>Hallo <strong>Rostock</strong></p>" },
            ["teaser"] = "Smarte Stadt",
            ["notes"] = new JsonObject { ["html"] = "<p>Notiz</p>" },
            ["count"] = 3.25,
            ["open"] = true,
            ["closed"] = false,
            ["day"] = "2026-05-04",
            ["start"] = "2026-07-01T16:00:00Z",
            ["link"] = new JsonObject { ["url"] = "https://www.rostock.de", ["text"] = "Rostock" },
            ["phase"] = "active",
            ["formats"] = new JsonArray("a", "c"),
            ["hero"] = new JsonObject { ["mediaId"] = "m1", ["alt"] = "Hafen", ["decorative"] = false, ["caption"] = "Stadthafen" },
            ["images"] = new JsonArray(
                new JsonObject { ["mediaId"] = "m2", ["alt"] = "", ["decorative"] = true },
                new JsonObject { ["mediaId"] = "m3", ["alt"] = "Warnemünde", ["decorative"] = false }),
            ["projects"] = new JsonArray("project-a", "project-b"),
            ["tags"] = new JsonArray("tag-umwelt"),
            ["location"] = new JsonObject { ["lat"] = 54.0887, ["lon"] = 12.1405 },
        };

        var inputs = FieldForms.ToInputs(EveryKind, stored, "Titel", "titel");
        var (input, errors) = FieldForms.Read(EveryKind, inputs);

        Assert.Empty(errors);
        Assert.Equal("Titel", input.Title);
        Assert.Equal("titel", input.Slug);
        var renderer = new MarkupRenderer();
        var problems = new List<ValidationError>();
        foreach (var field in EveryKind.AllFields)
        {
            var normalized = input.Fields[field.Name] is { } value ? FieldHandlers.For(field.Kind).Normalize(value, new FieldContext(field, renderer, problems)) : null;
            Assert.True(JsonNode.DeepEquals(stored[field.Name], normalized), $"{field.Name}: stored {stored[field.Name]?.ToJsonString()}, back from the form {normalized?.ToJsonString()}");
        }

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("2026-07-01T16:00:00Z", "2026-07-01T18:00")] // summer: UTC+2
    [InlineData("2026-01-15T10:00:00Z", "2026-01-15T11:00")] // winter: UTC+1
    public void A_date_time_is_shown_as_the_wall_clock_time_in_Rostock(string storedUtc, string shown)
    {
        var inputs = FieldForms.ToInputs(EveryKind, new JsonObject { ["start"] = storedUtc }, "T", null);

        Assert.Equal(shown, inputs["f.start"]);
    }

    [Fact]
    public void A_number_typed_with_a_German_decimal_comma_is_read_as_that_number()
    {
        var inputs = new FormInputs { ["title"] = "T", ["f.count"] = "3,5" };

        var (input, errors) = FieldForms.Read(EveryKind, inputs);

        Assert.Empty(errors);
        Assert.Equal(3.5, input.Fields["count"]!.GetValue<double>());
    }

    [Fact]
    public void A_number_that_is_no_number_is_refused_with_the_field_named_and_its_input_linked()
    {
        var (_, errors) = FieldForms.Read(EveryKind, new FormInputs { ["title"] = "T", ["f.count"] = "drei" });

        var error = Assert.Single(errors);
        Assert.Equal("f-count", error.InputId);
        Assert.Equal("Anzahl", error.Label);
        Assert.Contains("„drei“ ist keine Zahl", error.Message);
    }

    [Fact]
    public void A_geo_point_with_only_one_coordinate_is_refused_with_a_German_example()
    {
        var (_, errors) = FieldForms.Read(EveryKind, new FormInputs { ["title"] = "T", ["f.location.lat"] = "54,08" });

        var error = Assert.Single(errors);
        Assert.Equal("f-location-lat", error.InputId);
        Assert.Contains("Breite und Länge", error.Message);
    }

    [Fact]
    public void A_date_time_just_typed_and_the_same_moment_stored_compare_as_equal()
    {
        var start = EveryKind.FindField("start")!;

        Assert.Equal(FieldDisplay.Text(start, JsonValue.Create("2026-07-01T16:00:00Z")), FieldDisplay.Text(start, JsonValue.Create("2026-07-01T18:00")));
    }
}
