namespace Smile.Ingestion.Calendar;

/// <summary>The <c>Smile:Ingestion:Calendar</c> section.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Smile:Ingestion:Calendar";

    public bool Enabled { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Feed addresses: <c>https://...</c> (or <c>file://...</c> for a calendar exported to disk).</summary>
    public List<string> Feeds { get; set; } = [];

    /// <summary>Occurrences of recurring events are imported from this far back ...</summary>
    public TimeSpan WindowPast { get; set; } = TimeSpan.FromDays(30);

    /// <summary>... up to this far ahead.</summary>
    public TimeSpan WindowAhead { get; set; } = TimeSpan.FromDays(365);
}
