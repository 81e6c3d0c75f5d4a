using Smile.Content.Definitions;

namespace Smile.Content.Tests;

public sealed class ContentTypeDefinitionTests
{
    private static readonly ContentTypeDefinition News = new()
    {
        Name = "News",
        DisplayName = "Neuigkeit",
        Parts = [ContentPart.Title, ContentPart.Autoroute, ContentPart.MarkdownBody],
        PathPattern = "/aktuelles/{slug}",
        PathPatterns = new Dictionary<string, string> { ["en"] = "/en/news/{slug}" },
        Fields = [new FieldDefinition("teaser", "Anreißer", FieldKind.Text)],
    };

    [Fact]
    public void The_default_culture_is_german()
    {
        Assert.Equal("de", ContentTypeDefinition.DefaultCulture);
    }

    [Fact]
    public void The_default_culture_uses_the_path_pattern()
    {
        Assert.Equal("/aktuelles/{slug}", News.PathPatternFor("de"));
    }

    [Fact]
    public void A_culture_with_an_override_uses_the_override()
    {
        Assert.Equal("/en/news/{slug}", News.PathPatternFor("en"));
    }

    [Fact]
    public void An_override_for_the_default_culture_wins_over_the_path_pattern()
    {
        var type = News with { PathPatterns = new Dictionary<string, string> { ["de"] = "/neues/{slug}" } };

        Assert.Equal("/neues/{slug}", type.PathPatternFor("de"));
    }

    [Theory]
    [InlineData("pl", "/pl/aktuelles/{slug}")]
    [InlineData("da", "/da/aktuelles/{slug}")]
    public void Another_culture_without_an_override_prefixes_the_default_pattern(string culture, string pattern)
    {
        Assert.Equal(pattern, News.PathPatternFor(culture));
    }

    [Fact]
    public void A_type_without_autoroute_has_no_path()
    {
        var type = News with { Parts = [ContentPart.Title, ContentPart.MarkdownBody] };

        Assert.False(type.IsRoutable);
        Assert.Null(type.PathPatternFor("de"));
        Assert.Null(type.PathPatternFor("en"));
    }

    [Fact]
    public void A_type_with_autoroute_but_no_path_pattern_has_no_path()
    {
        var type = News with { PathPattern = null };

        Assert.False(type.IsRoutable);
        Assert.Null(type.PathPatternFor("en"));
    }

    [Fact]
    public void Every_type_has_the_title_part_even_when_not_listed()
    {
        var type = News with { Parts = [] };

        Assert.True(type.Has(ContentPart.Title));
        Assert.False(type.Has(ContentPart.Autoroute));
    }

    [Fact]
    public void A_new_type_has_only_the_title_part_and_default_settings()
    {
        var type = new ContentTypeDefinition { Name = "Page", DisplayName = "Seite" };

        Assert.Equal([ContentPart.Title], type.Parts);
        Assert.Empty(type.Fields);
        Assert.Empty(type.PathPatterns);
        Assert.Equal(new ContentTypeSettings { Creatable = true, Listable = true, Versionable = true, Localizable = true }, type.Settings);
    }

    [Fact]
    public void The_markdown_body_part_brings_the_body_field_first()
    {
        Assert.Equal(["body", "teaser"], News.AllFields.Select(f => f.Name));
        var body = News.FindField("body")!;
        Assert.Same(ContentTypeDefinition.BodyField, body);
        Assert.Equal(("body", "Text", FieldKind.Markdown), (body.Name, body.DisplayName, body.Kind));
        Assert.Equal(FieldKind.Text, News.FindField("teaser")!.Kind);
    }

    [Fact]
    public void Without_the_markdown_body_part_there_is_no_body_field()
    {
        var type = News with { Parts = [ContentPart.Autoroute] };

        Assert.Equal(["teaser"], type.AllFields.Select(f => f.Name));
        Assert.Null(type.FindField("body"));
    }

    [Fact]
    public void Field_settings_are_never_null_and_index_when_filterable_or_sortable()
    {
        var settings = new FieldDefinition("a", "A", FieldKind.Text).Settings;
        Assert.NotNull(settings);
        Assert.False(settings.Required);
        Assert.Null(settings.MaxLength);
        Assert.False(new FieldSettings().Indexed);
        Assert.True(new FieldSettings { Filterable = true }.Indexed);
        Assert.True(new FieldSettings { Sortable = true }.Indexed);
    }
}
