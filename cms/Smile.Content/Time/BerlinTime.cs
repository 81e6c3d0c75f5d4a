namespace Smile.Content.Time;

/// <summary>Storage is UTC; people in Rostock read and type Europe/Berlin.</summary>
public static class BerlinTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>A wall-clock time in Rostock as UTC. Times in the autumn overlap take the earlier (summer) offset.</summary>
    public static DateTime ToUtc(DateTime berlinLocal)
    {
        var unspecified = DateTime.SpecifyKind(berlinLocal, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            // The spring gap: 02:30 does not exist; move forward like a clock does.
            unspecified = unspecified.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(unspecified)
            ? Zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : Zone.GetUtcOffset(unspecified);
        return DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
    }

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
