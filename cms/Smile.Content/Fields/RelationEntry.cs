namespace Smile.Content.Fields;

public enum RelationKind
{
    Item,
    Media,
}

/// <summary>A reference from a field of a version to another item (picker, taxonomy) or a media asset.</summary>
public sealed record RelationEntry(string Field, string TargetId, int Position, RelationKind Kind = RelationKind.Item);
