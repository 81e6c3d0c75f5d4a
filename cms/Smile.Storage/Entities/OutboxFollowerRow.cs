namespace Smile.Storage.Entities;

public sealed class OutboxFollowerRow
{
    public required string Name { get; set; }

    public long Position { get; set; }

    public DateTime UpdatedAt { get; set; }
}
