using System.Globalization;
using Smile.Content.Time;

namespace Smile.Admin.Localization;

/// <summary>Times are stored in UTC and shown as people in Rostock read them.</summary>
public static class AdminFormat
{
    public static string Berlin(DateTime utc) =>
        BerlinTime.FromUtc(utc).ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "de" ? "dd.MM.yyyy, HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>What a <c>datetime-local</c> input shows: the Berlin wall-clock time.</summary>
    public static string BerlinInput(DateTime utc) => BerlinTime.FromUtc(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string CultureName(string culture) => culture switch
    {
        "de" => "Deutsch",
        "en" => "Englisch",
        "de-x-ls" => "Leichte Sprache",
        _ => culture,
    };
}
