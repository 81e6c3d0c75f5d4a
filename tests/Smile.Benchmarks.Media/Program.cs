using System.Diagnostics;
using System.Globalization;
using System.Text;
using Smile.Benchmarks.Media;
using Smile.Benchmarks.Media.Variants;

// dotnet run -c Release --project tests/Smile.Benchmarks.Media -- [--runs 3]
// (each variant runs as a child: Smile.Benchmarks.Media.dll worker <variant> <source> <output>)
IReadOnlyList<int> widths = Smile.Media.Derivatives.DerivativeRequest.StandardWidths;
var variants = new Dictionary<string, IVariant>
{
    ["imagesharp"] = new ImageSharpVariant(),
    ["naive"] = new NaiveNetVipsVariant(),
    ["tuned"] = new TunedNetVipsVariant(),
};

if (args is ["worker", var name, var source, var output])
{
    Directory.CreateDirectory(output);
    var written = variants[name].Run(source, output, widths);
    Console.WriteLine($"{written} files");
    return written == widths.Count * 2 ? 0 : 1;
}

var runs = args is ["--runs", var count] ? int.Parse(count, CultureInfo.InvariantCulture) : 3;
if (!File.Exists("/usr/bin/time"))
{
    Console.Error.WriteLine("GNU time is not installed: apt-get update && apt-get install -y time");
    return 2;
}

#if DEBUG
Console.WriteLine("Debug build: run with -c Release for figures worth keeping.");
#endif

var startedUtc = DateTime.UtcNow;
var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
var photo = SourceImage.Ensure();
var self = typeof(IVariant).Assembly.Location;
var work = Directory.CreateTempSubdirectory("smile-bench-media-").FullName;
var results = variants.Keys.ToDictionary(k => k, _ => new List<Figures>());
try
{
    Console.WriteLine($"Warming up each variant once (the OS file cache, the JIT's disk caches) ...");
    foreach (var key in variants.Keys)
    {
        await Figures.MeasureAsync([self, "worker", key, photo, Path.Combine(work, "warm-" + key)]);
    }

    for (var run = 1; run <= runs; run++)
    {
        // Interleaved, so a burst of load from the machine's other users hits every variant alike.
        foreach (var key in variants.Keys)
        {
            var figures = await Figures.MeasureAsync([self, "worker", key, photo, Path.Combine(work, $"{key}-{run}")]);
            results[key].Add(figures);
            Console.WriteLine($"run {run}/{runs} {variants[key].Name,-24} {figures.WallSeconds,6:0.00} s wall {figures.CpuSeconds,6:0.00} s CPU {figures.PeakMiB,7:0} MiB peak");
        }
    }

    var sizes = variants.Keys.ToDictionary(k => k, k => Directory.GetFiles(Path.Combine(work, $"{k}-1")).Sum(f => new FileInfo(f).Length) / 1024.0);
    var baseline = results["imagesharp"];
    var report = new StringBuilder();
    report.AppendLine("# Image derivatives: NetVips against ImageSharp, whole-process figures");
    report.AppendLine();
    report.AppendLine(CultureInfo.InvariantCulture, $"- date: {startedUtc:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average before {string.Join(' ', load)}, after {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}");
    report.AppendLine(CultureInfo.InvariantCulture, $"- source: a {SourceImage.Width}×{SourceImage.Height} JPEG (24 megapixels, gradient + Gaussian noise, q 90, {new FileInfo(photo).Length / 1048576.0:0.0} MiB)");
    report.AppendLine(CultureInfo.InvariantCulture, $"- work: the production set, {widths.Count} widths ({string.Join(", ", widths)}) × WebP and JPEG = {widths.Count * 2} files, metadata stripped");
    report.AppendLine(CultureInfo.InvariantCulture, $"- each variant a separate child process (`dotnet Smile.Benchmarks.Media.dll worker <variant> ...`) under `/usr/bin/time -v`: start-up, JIT, decode, encode, exit; {runs} runs interleaved after one warm-up each; median shown, range in brackets");
    report.AppendLine(CultureInfo.InvariantCulture, $"- command: `dotnet run -c Release --project tests/Smile.Benchmarks.Media -- --runs {runs}`");
    report.AppendLine();
    report.AppendLine("| variant | wall s | CPU s | peak RSS MiB | wall vs ImageSharp | speed-up (wall) | CPU vs ImageSharp | peak RSS vs ImageSharp | output KiB | how |");
    report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    foreach (var (key, figures) in results)
    {
        var wall = Figures.Median(figures.Select(f => f.WallSeconds));
        var peak = Figures.Median(figures.Select(f => f.PeakMiB));
        var baseWall = Figures.Median(baseline.Select(f => f.WallSeconds));
        var basePeak = Figures.Median(baseline.Select(f => f.PeakMiB));
        var cpu = Figures.Median(figures.Select(f => f.CpuSeconds));
        var baseCpu = Figures.Median(baseline.Select(f => f.CpuSeconds));
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {variants[key].Name} | {wall:0.00} ({figures.Min(f => f.WallSeconds):0.00}–{figures.Max(f => f.WallSeconds):0.00}) | {cpu:0.00} | {peak:0} ({figures.Min(f => f.PeakMiB):0}–{figures.Max(f => f.PeakMiB):0}) | {wall / baseWall:0.00} | {baseWall / wall:0.0}× | {cpu / baseCpu:0.00} | {peak / basePeak:0.00} | {sizes[key]:0} | {variants[key].How} |");
    }

    var tunedWall = Figures.Median(results["tuned"].Select(f => f.WallSeconds));
    var tunedPeak = Figures.Median(results["tuned"].Select(f => f.PeakMiB));
    var sharpWall = Figures.Median(baseline.Select(f => f.WallSeconds));
    var sharpPeak = Figures.Median(baseline.Select(f => f.PeakMiB));
    report.AppendLine();
    report.AppendLine("On a machine shared with other work, wall time depends on how much of the two cores a process got; CPU seconds (user + sys) are the steadier comparison. libvips encodes on several threads, so its wall time can be below its CPU time.");
    report.AppendLine();
    report.AppendLine("Goal of the issue: tuned NetVips at least 2× faster than ImageSharp at no more than ImageSharp's peak memory.");
    report.AppendLine();
    report.AppendLine(CultureInfo.InvariantCulture, $"- speed-up {sharpWall / tunedWall:0.0}× (goal ≥ 2×): **{(sharpWall / tunedWall >= 2 ? "met" : "not met")}**");
    report.AppendLine(CultureInfo.InvariantCulture, $"- peak memory {tunedPeak / sharpPeak:0.00}× ImageSharp's (goal ≤ 1): **{(tunedPeak <= sharpPeak ? "met" : "not met")}**");
    var file = Path.Combine(RepositoryRoot(), "tests", "Smile.Benchmarks.Media", "results", "latest.md");
    await File.WriteAllTextAsync(file, report.ToString());
    Console.WriteLine();
    Console.WriteLine(report);
    Console.WriteLine($"Written to {file}");
}
finally
{
    Directory.Delete(work, recursive: true);
}

return 0;

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Smile.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run the benchmark from within the repository.");
}
