using Smile.Content.Items;

namespace Smile.Storage.Entities;

/// <summary>One typed value of an indexed field of a version: what filters and orderings run on.</summary>
public sealed class FieldIndexRow
{
    public long Id { get; set; }

    public long VersionId { get; set; }

    public ContentVersion? Version { get; set; }

    public required string Field { get; set; }

    public string? Text { get; set; }

    public double? Number { get; set; }

    public DateTime? Date { get; set; }

    public bool? Boolean { get; set; }
}
