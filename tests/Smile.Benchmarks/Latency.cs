namespace Smile.Benchmarks;

/// <summary>Percentiles of a set of timings, in milliseconds.</summary>
internal sealed record Latency(double P50, double P95, double Max)
{
    public static Latency Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new Latency(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1]);
    }

    // Nearest rank: the smallest value at or above the given share of the samples.
    private static double Percentile(double[] sorted, double share) =>
        sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
