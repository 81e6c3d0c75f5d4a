using System.Text.RegularExpressions;

namespace Smile.Benchmarks.Site.Measuring;

/// <summary><c>smile-site build</c> as a whole process, each run into a fresh output folder (and so a fresh state).</summary>
internal sealed partial class SmileCli(string dll, string theme, string work)
{
    private int _runs;

    public string? LastOutput { get; private set; }

    /// <summary>Builds into a fresh folder, removed afterwards with its state unless <paramref name="keep"/>.</summary>
    public async Task<ProcessFigures> BuildAsync(string label, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, bool keep = false)
    {
        var output = Path.Combine(work, $"smile-{label}-{++_runs}");
        var figures = await BuildIntoAsync(output, arguments, environment);
        LastOutput = output;
        if (!keep && label != "record")
        {
            Tools.Delete(output);
            Tools.Delete(StateOf(output));
        }

        return figures;
    }

    public async Task<string> BuildKeepingAsync(IEnumerable<string> arguments)
    {
        await BuildAsync("kept", arguments, keep: true);
        return LastOutput!;
    }

    /// <summary>A build into <paramref name="output"/>: incremental when a state is beside it and no <c>--full</c> is given.</summary>
    public Task<ProcessFigures> BuildIntoAsync(string output, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        // The working folder has no site/node_modules above it: the CLI skips Pagefind, which is timed on its own.
        TimedProcess.RunAsync("dotnet", [dll, "build", .. arguments, "--out", output, "--theme", theme, "--quiet"], work, environment);

    public static string StateOf(string output) => Path.Combine(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + "-state");

    /// <summary>The CLI's summary line: "N pages written, N unchanged, N removed in S s."</summary>
    public static int PagesWritten(ProcessFigures figures) =>
        Summary().Match(figures.Output) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex(@"(\d+) pages written")]
    private static partial Regex Summary();
}

/// <summary><c>hugo</c> as a whole process, each run into a fresh destination with a private cache folder.</summary>
internal sealed class HugoCli(string site, string work)
{
    private int _runs;

    public async Task<ProcessFigures> BuildAsync(IEnumerable<string> extra)
    {
        var output = Path.Combine(work, $"hugo-out-{++_runs}");
        var figures = await RunAsync(output, extra);
        Tools.Delete(output);
        return figures;
    }

    public async Task<string> BuildKeepingAsync(IEnumerable<string> extra)
    {
        var output = Path.Combine(work, $"hugo-out-{++_runs}");
        await RunAsync(output, extra);
        return output;
    }

    private Task<ProcessFigures> RunAsync(string output, IEnumerable<string> extra) =>
        TimedProcess.RunAsync("hugo", ["--quiet", "-s", site, "-d", output, "--cacheDir", Path.Combine(work, "hugo-cache"), .. extra], work);
}
