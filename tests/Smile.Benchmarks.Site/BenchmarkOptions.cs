using System.Globalization;

namespace Smile.Benchmarks.Site;

/// <summary>Command line: <c>[--items 10000] [--words 400] [--runs 3] [--pagefind path|none] [--only incremental] [--out file.md] [--keep-snapshot dir]</c>.</summary>
internal sealed record BenchmarkOptions
{
    public int Items { get; init; } = 10_000;

    public int Words { get; init; } = 400;

    /// <summary>Timed runs of each program; the median is reported.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>The pagefind program; by default installed with npm into a temporary folder; <c>none</c> skips it.</summary>
    public string? Pagefind { get; init; }

    public string? Output { get; init; }

    /// <summary>A folder to copy the recorded API snapshot to, for profiling the generator on its own afterwards.</summary>
    public string? KeepSnapshot { get; init; }

    /// <summary>Only the incremental rebuilds and the build stages: minutes instead of most of an hour.</summary>
    public bool IncrementalOnly { get; init; }

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--items" => options with { Items = Number(value) },
                "--words" => options with { Words = Number(value) },
                "--runs" => options with { Runs = Number(value) },
                "--pagefind" => options with { Pagefind = value },
                "--out" => options with { Output = value },
                "--keep-snapshot" => options with { KeepSnapshot = value },
                "--only" when value == "incremental" => options with { IncrementalOnly = true },
                _ => throw new ArgumentException($"Unknown option {name}. Known: --items, --words, --runs, --pagefind, --only incremental, --out, --keep-snapshot."),
            };
        }

        return options;
    }

    private static int Number(string value) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"'{value}' is not a positive whole number.");
}
