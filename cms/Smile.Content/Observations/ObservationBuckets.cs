namespace Smile.Content.Observations;

/// <summary>Where the city's calendar days and UTC hours begin, for aggregating observations.</summary>
public static class ObservationBuckets
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTime HourStart(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);

    /// <summary>Midnight in Berlin of the day <paramref name="utc"/> falls on, as UTC (22:00 or 23:00 the day before).</summary>
    public static DateTime DayStart(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Berlin);
        return TimeZoneInfo.ConvertTimeToUtc(local.Date, Berlin);
    }
}
