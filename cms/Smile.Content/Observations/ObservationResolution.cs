namespace Smile.Content.Observations;

public enum ObservationResolution
{
    /// <summary>Every observation as it was stored.</summary>
    Raw,

    /// <summary>Hours in UTC.</summary>
    Hour,

    /// <summary>Calendar days in Europe/Berlin (the city's days, summer time included).</summary>
    Day,
}
