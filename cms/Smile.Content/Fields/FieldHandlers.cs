using Smile.Content.Definitions;

namespace Smile.Content.Fields;

/// <summary>The handler of every field kind.</summary>
public static class FieldHandlers
{
    private static readonly Dictionary<FieldKind, FieldHandler> ByKind = new FieldHandler[]
    {
        new TextFieldHandler(),
        new MarkdownFieldHandler(),
        new HtmlFieldHandler(),
        new NumberFieldHandler(),
        new BooleanFieldHandler(),
        new DateFieldHandler(),
        new DateTimeFieldHandler(),
        new LinkFieldHandler(),
        new EnumerationFieldHandler(),
        new MediaFieldHandler(),
        new ContentPickerFieldHandler(),
        new TaxonomyFieldHandler(),
        new GeoPointFieldHandler(),
    }.ToDictionary(h => h.Kind);

    public static FieldHandler For(FieldKind kind) => ByKind[kind];
}
