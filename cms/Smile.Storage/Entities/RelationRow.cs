using Smile.Content.Fields;
using Smile.Content.Items;

namespace Smile.Storage.Entities;

/// <summary>A reference from a field of a version to an item or a media asset.</summary>
public sealed class RelationRow
{
    public long Id { get; set; }

    public long VersionId { get; set; }

    public ContentVersion? Version { get; set; }

    public required string Field { get; set; }

    public required string TargetId { get; set; }

    public int Position { get; set; }

    public RelationKind Kind { get; set; }
}
