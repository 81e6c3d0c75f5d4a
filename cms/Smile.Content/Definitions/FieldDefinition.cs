namespace Smile.Content.Definitions;

public sealed record FieldDefinition(string Name, string DisplayName, FieldKind Kind, FieldSettings? Settings = null)
{
    public FieldSettings Settings { get; init; } = Settings ?? new FieldSettings();
}
