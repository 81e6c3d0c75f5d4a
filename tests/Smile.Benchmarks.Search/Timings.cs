namespace Smile.Benchmarks.Search;

/// <summary>Nearest-rank percentiles of timings in milliseconds.</summary>
internal sealed record Timings(double P50, double P99, int Count)
{
    public static Timings Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0 ? new Timings(double.NaN, double.NaN, 0) : new Timings(At(sorted, 0.50), At(sorted, 0.99), sorted.Length);
    }

    public override string ToString() => FormattableString.Invariant($"{P50:0.00} / {P99:0.00}");

    private static double At(double[] sorted, double share) =>
        sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
