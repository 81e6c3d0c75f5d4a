namespace Smile.Storage.Entities;

public sealed class ContentTypeRow
{
    public required string Name { get; set; }

    /// <summary>The definition as JSON (see ContentTypeJson).</summary>
    public required string Definition { get; set; }

    public DateTime UpdatedAt { get; set; }
}
