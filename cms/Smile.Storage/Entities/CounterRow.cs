namespace Smile.Storage.Entities;

/// <summary>
/// Named counters incremented inside transactions. The outbox counter's row lock orders committers,
/// which is what makes outbox sequences gapless and in commit order.
/// </summary>
public sealed class CounterRow
{
    public const string Outbox = "outbox";
    public const string Schema = "schema";

    /// <summary>Counts committed observation batches: readings are not content events, yet API caches must see them.</summary>
    public const string Observations = "observations";

    public required string Name { get; set; }

    public long Value { get; set; }
}
