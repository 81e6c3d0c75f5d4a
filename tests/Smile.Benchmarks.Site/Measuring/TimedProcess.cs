using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Smile.Benchmarks.Site.Measuring;

/// <summary>One whole-process run as GNU time reports it: wall clock, CPU time and the peak resident set.</summary>
internal sealed record ProcessFigures(double WallSeconds, double CpuSeconds, double PeakMiB, string Output);

/// <summary>Runs a program under <c>/usr/bin/time -v</c>, so start-up, JIT, GC and exit are all in the figure.</summary>
internal static partial class TimedProcess
{
    public const string Time = "/usr/bin/time";

    public static async Task<ProcessFigures> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Time)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var report = await errors;
        var text = (await output) + report;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList.Skip(2))} failed ({process.ExitCode}):\n{text}");
        }

        return new ProcessFigures(
            Clock(Field(report, "Elapsed (wall clock) time (h:mm:ss or m:ss)")),
            double.Parse(Field(report, "User time (seconds)"), CultureInfo.InvariantCulture) + double.Parse(Field(report, "System time (seconds)"), CultureInfo.InvariantCulture),
            long.Parse(Field(report, "Maximum resident set size (kbytes)"), CultureInfo.InvariantCulture) / 1024.0,
            text);
    }

    private static string Field(string report, string name)
    {
        var match = Regex.Match(report, @"^\s*" + Regex.Escape(name) + @":\s*(.+)$", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value.Trim() : throw new InvalidOperationException($"GNU time printed no '{name}':\n{report}");
    }

    /// <summary><c>m:ss.cc</c> or <c>h:mm:ss</c> to seconds.</summary>
    private static double Clock(string value) =>
        value.Split(':').Aggregate(0.0, (total, part) => total * 60 + double.Parse(part, CultureInfo.InvariantCulture));
}
