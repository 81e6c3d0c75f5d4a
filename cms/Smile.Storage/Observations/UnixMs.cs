namespace Smile.Storage.Observations;

/// <summary>Observation times as stored: Unix milliseconds, UTC.</summary>
public static class UnixMs
{
    public static long From(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    public static DateTime ToDateTime(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

    public static DateTime? ToDateTime(long? ms) => ms is { } value ? ToDateTime(value) : null;
}
