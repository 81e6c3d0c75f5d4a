using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Smile.Benchmarks.Api;

/// <summary>Runs Debian's wrk pinned to its own core and reads requests/s and the latency percentiles it prints.</summary>
internal static partial class Wrk
{
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms, long Non2xx, long Requests);

    public static async Task<Result> RunAsync(string url, int connections, TimeSpan duration, string? luaScript, int core)
    {
        var arguments = new List<string> { "-c", core.ToString(CultureInfo.InvariantCulture), "wrk", "-t1", "-c" + connections, "-d" + (int)duration.TotalSeconds + "s", "--latency" };
        string? scriptPath = null;
        if (luaScript is not null)
        {
            scriptPath = Path.GetTempFileName() + ".lua";
            await File.WriteAllTextAsync(scriptPath, luaScript);
            arguments.AddRange(["-s", scriptPath]);
        }

        arguments.Add(url);
        var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (scriptPath is not null)
        {
            File.Delete(scriptPath);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("wrk failed: " + output + await process.StandardError.ReadToEndAsync());
        }

        return new Result(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50%"),
            Percentile(output, "99%"),
            NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            long.Parse(TotalRequests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>A POST with a JSON body, or a GET with extra headers.</summary>
    public static string Script(string method, string? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var lines = new List<string> { $"wrk.method = \"{method}\"" };
        if (body is not null)
        {
            lines.Add("wrk.body = [==[" + body + "]==]");
            lines.Add("wrk.headers[\"Content-Type\"] = \"application/json\"");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            lines.Add($"wrk.headers[\"{name}\"] = [==[{value}]==]");
        }

        return string.Join('\n', lines) + "\n";
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex TotalRequests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
