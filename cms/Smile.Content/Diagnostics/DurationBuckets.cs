namespace Smile.Content.Diagnostics;

/// <summary>
/// Histogram bucket bounds for durations in seconds, shared by every module's metrics (OpenTelemetry's default
/// bounds assume milliseconds). The same bounds as ASP.NET Core's <c>http.server.request.duration</c>, so the two compare.
/// </summary>
public static class DurationBuckets
{
    public static readonly IReadOnlyList<double> Requests = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>For work that takes seconds to minutes (site builds).</summary>
    public static readonly IReadOnlyList<double> Jobs = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
}
