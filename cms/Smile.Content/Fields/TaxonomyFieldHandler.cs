using Smile.Content.Definitions;

namespace Smile.Content.Fields;

/// <summary>Terms of a taxonomy are items of the term type (Tag, District, FieldOfAction); a taxonomy field picks them.</summary>
public sealed class TaxonomyFieldHandler : ContentPickerFieldHandler
{
    public override FieldKind Kind => FieldKind.Taxonomy;

    public override IReadOnlyList<string> AllowedTypes(FieldSettings settings) =>
        settings.Taxonomy is { } taxonomy ? [taxonomy] : [];
}
