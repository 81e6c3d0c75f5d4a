using System.Globalization;

namespace Smile.Benchmarks;

/// <summary>
/// Command line: <c>[--items 10000,100000] [--providers sqlite,postgres] [--batch 1000] [--sweep 10,100,1000|none]
/// [--iterations 200] [--warmup 20] [--list-seconds 20] [--out file.md]</c>.
/// </summary>
internal sealed record BenchmarkOptions
{
    public IReadOnlyList<int> Items { get; init; } = [10_000, 100_000];

    public IReadOnlyList<string> Providers { get; init; } = ["sqlite", "postgres"];

    /// <summary>Items created and published per <c>ContentService.RunAsync</c> transaction: the batch-import case.</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Session sizes compared after the main run, each over the same number of items; empty to skip.</summary>
    public IReadOnlyList<int> Sweep { get; init; } = [10, 100, 1_000];

    public int Iterations { get; init; } = 200;

    public int Warmup { get; init; } = 20;

    /// <summary>Time after which a size's list rounds stop early (at least <see cref="MinimumIterations"/>): slow plans stay affordable.</summary>
    public int ListSeconds { get; init; } = 20;

    public const int MinimumIterations = 30;

    public string? Output { get; init; }

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--items" => options with { Items = [.. List(value).Select(Number).Order()] },
                "--providers" => options with { Providers = [.. List(value).Select(Provider)] },
                "--batch" => options with { BatchSize = Number(value) },
                "--sweep" => options with { Sweep = value == "none" ? [] : [.. List(value).Select(Number).Order()] },
                "--iterations" => options with { Iterations = Number(value) },
                "--warmup" => options with { Warmup = Number(value) },
                "--list-seconds" => options with { ListSeconds = Number(value) },
                "--out" => options with { Output = value },
                _ => throw new ArgumentException($"Unknown option {name}. Known: --items, --providers, --batch, --sweep, --iterations, --warmup, --list-seconds, --out."),
            };
        }

        return options;
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Number(string value) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"'{value}' is not a positive whole number.");

    private static string Provider(string value) =>
        value.ToLowerInvariant() is "sqlite" or "postgres" ? value.ToLowerInvariant() : throw new ArgumentException($"Unknown provider '{value}' (sqlite, postgres).");
}
