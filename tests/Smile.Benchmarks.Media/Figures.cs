using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Smile.Benchmarks.Media;

/// <summary>One child process as GNU time reports it: wall clock, CPU time and peak resident set.</summary>
internal sealed record Figures(double WallSeconds, double CpuSeconds, double PeakMiB)
{
    public static async Task<Figures> MeasureAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add("dotnet");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var report = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The child failed ({process.ExitCode}):\n{await output}\n{report}");
        }

        return new Figures(
            Field(report, "Elapsed (wall clock) time (h:mm:ss or m:ss)").Split(':').Aggregate(0.0, (total, part) => (total * 60) + double.Parse(part, CultureInfo.InvariantCulture)),
            double.Parse(Field(report, "User time (seconds)"), CultureInfo.InvariantCulture) + double.Parse(Field(report, "System time (seconds)"), CultureInfo.InvariantCulture),
            long.Parse(Field(report, "Maximum resident set size (kbytes)"), CultureInfo.InvariantCulture) / 1024.0);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Field(string report, string name)
    {
        var match = Regex.Match(report, @"^\s*" + Regex.Escape(name) + @":\s*(.+)$", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value.Trim() : throw new InvalidOperationException($"GNU time printed no '{name}':\n{report}");
    }
}
