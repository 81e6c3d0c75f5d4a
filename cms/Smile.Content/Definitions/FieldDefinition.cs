namespace Smile.Content.Definitions;

public sealed record FieldDefinition(string Name, string DisplayName, FieldKind Kind, FieldSettings Settings)
{
    public FieldDefinition(string name, string displayName, FieldKind kind)
        : this(name, displayName, kind, new FieldSettings())
    {
    }
}
