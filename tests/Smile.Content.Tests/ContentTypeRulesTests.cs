using Smile.Content.Definitions;
using Smile.Content.Validation;

namespace Smile.Content.Tests;

public sealed class ContentTypeRulesTests
{
    private static ContentTypeDefinition News(params FieldDefinition[] fields) => new()
    {
        Name = "News",
        DisplayName = "Neuigkeit",
        Parts = [ContentPart.Title, ContentPart.Autoroute, ContentPart.MarkdownBody],
        PathPattern = "/aktuelles/{slug}",
        Fields = fields,
    };

    private static FieldDefinition Text(string name) => new(name, "Feld", FieldKind.Text);

    [Fact]
    public void A_well_formed_type_with_every_field_kind_has_no_errors()
    {
        var type = News(
            new("teaser", "Anreißer", FieldKind.Text, new() { MaxLength = 300 }),
            new("info", "Info", FieldKind.Html),
            new("count", "Anzahl", FieldKind.Number, new() { Min = 0, Max = 100 }),
            new("featured", "Hervorgehoben", FieldKind.Boolean),
            new("day", "Tag", FieldKind.Date),
            new("startsAt", "Beginn", FieldKind.DateTime),
            new("website", "Webseite", FieldKind.Link),
            new("size", "Größe", FieldKind.Enumeration, new() { AllowedValues = ["klein", "gross"] }),
            new("image", "Bild", FieldKind.Media),
            new("related", "Verwandt", FieldKind.ContentPicker, new() { Multiple = true }),
            new("district", "Stadtteil", FieldKind.Taxonomy, new() { Taxonomy = "District" }),
            new("location", "Ort", FieldKind.GeoPoint),
            new("notes2", "Notizen", FieldKind.Markdown)) with
        {
            PathPatterns = new Dictionary<string, string> { ["en"] = "/en/news/{slug}" },
        };

        Assert.Empty(ContentTypeRules.Check(type));
    }

    [Fact]
    public void The_reserved_field_names_are_the_properties_every_item_has()
    {
        Assert.Equal(
            ["contentType", "createdAt", "culture", "id", "localizations", "modifiedAt", "owner", "path", "previousPaths", "publishedAt", "slug", "status", "title", "version"],
            ContentTypeRules.ReservedFieldNames.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("title")]
    [InlineData("slug")]
    [InlineData("path")]
    [InlineData("contentType")]
    [InlineData("previousPaths")]
    [InlineData("publishedAt")]
    [InlineData("localizations")]
    public void A_field_may_not_use_a_reserved_name(string name)
    {
        var error = Assert.Single(ContentTypeRules.Check(News(Text(name))));

        Assert.Equal(new ValidationError($"fields.{name}", $"Der Feldname '{name}' ist reserviert."), error);
    }

    [Fact]
    public void Body_is_reserved_only_when_the_type_has_a_markdown_body()
    {
        var withBody = ContentTypeRules.Check(News(Text("body")));
        var withoutBody = ContentTypeRules.Check(News(Text("body")) with { Parts = [ContentPart.Title, ContentPart.Autoroute] });

        Assert.Equal("Der Feldname 'body' ist reserviert.", Assert.Single(withBody).Message);
        Assert.Empty(withoutBody);
    }

    [Fact]
    public void A_field_defined_twice_is_reported_once()
    {
        var errors = ContentTypeRules.Check(News(Text("teaser"), Text("image"), Text("teaser")));

        Assert.Equal(new ValidationError("fields.teaser", "Das Feld 'teaser' ist doppelt definiert."), Assert.Single(errors));
    }

    [Theory]
    [InlineData("Teaser")]
    [InlineData("1teaser")]
    [InlineData("mein_feld")]
    [InlineData("mein-feld")]
    [InlineData("größe")]
    [InlineData("")]
    [InlineData(" teaser")]
    public void A_field_name_must_be_camel_case(string name)
    {
        var error = Assert.Single(ContentTypeRules.Check(News(Text(name))));

        Assert.Equal($"fields.{name}", error.Path);
        Assert.Equal($"Der Feldname '{name}' muss camelCase sein (Buchstaben und Ziffern, klein beginnend).", error.Message);
    }

    [Fact]
    public void A_field_name_may_have_at_most_64_characters()
    {
        var longest = "a" + new string('b', 63);
        var tooLong = longest + "c";

        Assert.Empty(ContentTypeRules.Check(News(Text(longest))));
        Assert.Contains("muss camelCase sein", Assert.Single(ContentTypeRules.Check(News(Text(tooLong)))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("news")]
    [InlineData("News Item")]
    [InlineData("News_Item")]
    [InlineData("Größe")]
    [InlineData("1News")]
    [InlineData("")]
    public void A_type_name_must_start_with_a_capital_and_hold_only_letters_and_digits(string name)
    {
        var error = Assert.Single(ContentTypeRules.Check(News() with { Name = name }));

        Assert.Equal(new ValidationError("name", $"Der Typname '{name}' muss mit einem Großbuchstaben beginnen und darf nur Buchstaben und Ziffern enthalten."), error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_type_needs_a_display_name(string displayName)
    {
        var error = Assert.Single(ContentTypeRules.Check(News() with { DisplayName = displayName }));

        Assert.Equal(new ValidationError("displayName", "Der Anzeigename fehlt."), error);
    }

    [Fact]
    public void An_enumeration_without_allowed_values_is_refused()
    {
        var error = Assert.Single(ContentTypeRules.Check(News(new FieldDefinition("size", "Größe", FieldKind.Enumeration))));

        Assert.Equal(new ValidationError("fields.size", "Ein Auswahlfeld braucht erlaubte Werte (allowedValues)."), error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_taxonomy_without_a_term_type_is_refused(string? taxonomy)
    {
        var field = new FieldDefinition("district", "Stadtteil", FieldKind.Taxonomy, new() { Taxonomy = taxonomy });

        var error = Assert.Single(ContentTypeRules.Check(News(field)));

        Assert.Equal(new ValidationError("fields.district", "Ein Taxonomiefeld braucht den Typ seiner Begriffe (taxonomy)."), error);
    }

    [Fact]
    public void Min_greater_than_max_is_refused()
    {
        var field = new FieldDefinition("count", "Anzahl", FieldKind.Number, new() { Min = 10, Max = 2 });

        var error = Assert.Single(ContentTypeRules.Check(News(field)));

        Assert.Equal(new ValidationError("fields.count", "min (10) ist größer als max (2)."), error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Max_length_below_one_is_refused(int maxLength)
    {
        var field = new FieldDefinition("teaser", "Anreißer", FieldKind.Text, new() { MaxLength = maxLength });

        var error = Assert.Single(ContentTypeRules.Check(News(field)));

        Assert.Equal(new ValidationError("fields.teaser", "maxLength muss mindestens 1 sein."), error);
    }

    [Theory]
    [InlineData("/aktuelles")]
    [InlineData("aktuelles/{slug}")]
    [InlineData("/aktuelles/{Slug}")]
    [InlineData("")]
    public void A_path_pattern_must_start_with_a_slash_and_hold_the_slug(string pattern)
    {
        var error = Assert.Single(ContentTypeRules.Check(News() with { PathPattern = pattern }));

        Assert.Equal(new ValidationError("pathPattern", $"Das Pfadmuster '{pattern}' muss mit '/' beginnen und {{slug}} enthalten."), error);
    }

    [Fact]
    public void A_routable_type_without_a_path_pattern_is_refused()
    {
        var error = Assert.Single(ContentTypeRules.Check(News() with { PathPattern = null }));

        Assert.Equal(new ValidationError("pathPattern", "Das Pfadmuster '' muss mit '/' beginnen und {slug} enthalten."), error);
    }

    [Fact]
    public void A_culture_path_pattern_without_the_slug_is_reported_under_its_culture()
    {
        var type = News() with { PathPatterns = new Dictionary<string, string> { ["en"] = "/en/news", ["pl"] = "/pl/wiadomosci/{slug}" } };

        var error = Assert.Single(ContentTypeRules.Check(type));

        Assert.Equal(new ValidationError("pathPatterns.en", "Das Pfadmuster '/en/news' muss mit '/' beginnen und {slug} enthalten."), error);
    }

    [Fact]
    public void Path_patterns_are_not_checked_for_a_type_without_autoroute()
    {
        var type = News() with { Parts = [ContentPart.Title], PathPattern = "kein-muster" };

        Assert.Empty(ContentTypeRules.Check(type));
    }

    [Fact]
    public void All_problems_of_a_type_are_reported_together()
    {
        var type = News(
                Text("title"),
                Text("Teaser"),
                new FieldDefinition("size", "Größe", FieldKind.Enumeration),
                Text("title")) with
        {
            Name = "news",
            DisplayName = "",
            PathPattern = "/aktuelles",
        };

        var errors = ContentTypeRules.Check(type);

        Assert.Equal(
            ["name", "displayName", "pathPattern", "fields.title", "fields.Teaser", "fields.size", "fields.title", "fields.title"],
            errors.Select(e => e.Path));
        Assert.Equal("Das Feld 'title' ist doppelt definiert.", errors[^1].Message);
    }
}
