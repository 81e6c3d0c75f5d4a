using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Smile.Benchmarks.Scenario;
using Spectre.Console;

namespace Smile.Benchmarks;

internal sealed record Measurement(string Provider, ImportResult Import, ListResult List);

/// <summary>What the note needs to explain a provider's figures: its version, EF's SQL and the plans at the largest size.</summary>
internal sealed record ProviderDetails(string Provider, string ServerVersion, int Items, IReadOnlyList<string> EfSql, IReadOnlyList<string> Plan);

internal sealed record RunInfo(DateTime StartedUtc, TimeSpan Duration, string Command, BenchmarkOptions Options);

/// <summary>The results as console tables and as Markdown for <c>results/latest.md</c>.</summary>
internal static class Report
{
    private static readonly string[] Headers =
    [
        "provider", "items", "import items/s", "first → last 1,000 items/s",
        "list p50 / p95 ms (Smile)", "list p50 / p95 ms (plain SQL)", "ratio p50 (p95)", "EF's SQL without EF p50 / p95 ms", "plain SQL count only p50 / p95 ms", "rounds",
    ];

    private static readonly string[] SweepHeaders = ["provider", "table size", "batch size", "items", "items/s", "ms per item"];

    public static void Print(IReadOnlyList<Measurement> results, IReadOnlyList<SweepResult> sweeps, RunInfo run)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200; // a log file has room; 80 columns would wrap every cell
        }

        AnsiConsole.Write(Table($"Smile benchmarks, batches of {run.Options.BatchSize:N0} items", Headers, results.Select(Cells)));
        if (sweeps.Count > 0)
        {
            AnsiConsole.Write(Table("Import cost by session size", SweepHeaders, sweeps.Select(Cells)));
        }

        AnsiConsole.MarkupLine(Invariant($"Run time {run.Duration.TotalMinutes:0.0} min on {Environment.ProcessorCount} cores."));
    }

    public static async Task WriteMarkdownAsync(string path, IReadOnlyList<Measurement> results, IReadOnlyList<SweepResult> sweeps, IReadOnlyList<ProviderDetails> details, RunInfo run)
    {
        var md = new StringBuilder();
        md.AppendLine("# Smile benchmarks: batch import and list latency").AppendLine();
        md.AppendLine(Invariant($"- date: {run.StartedUtc:yyyy-MM-dd HH:mm} UTC, run time {run.Duration.TotalMinutes:0.0} min"));
        md.AppendLine(Invariant($"- machine: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        md.AppendLine(Invariant($"- databases: {string.Join(", ", details.Select(d => d.ServerVersion))}"));
        md.AppendLine(Invariant($"- tree: {TreeState()}"));
        md.AppendLine(Invariant($"- command: `{run.Command}`")).AppendLine();
        MarkdownTable(md, Headers, results.Select(Cells));
        if (sweeps.Count > 0)
        {
            md.AppendLine().AppendLine("Import cost by session size (the same number of items in batches of each size, after the main run):").AppendLine();
            MarkdownTable(md, SweepHeaders, sweeps.Select(Cells));
        }

        md.AppendLine().AppendLine("## What was measured").AppendLine();
        md.AppendLine(Invariant($"- Import: `ContentService.RunAsync` sessions of {run.Options.BatchSize:N0} `CreateAsync` + `PublishAsync` of a NewsArticle (title, Markdown body, required teaser, two tags). Timing starts after an untimed warm-up of {ImportBenchmark.WarmupItems} items of a same-shaped type. The database grows from one size to the next; items/s is over the whole import up to that size, the next column over its first and its last {ImportBenchmark.Window:N0} items. Goal: at least 1,000 items/s on SQLite."));
        md.AppendLine(Invariant($"- List: `IContentReader.QueryAsync` for the latest {ListBenchmark.PageSize} published NewsArticles in `de` (ordered by publishedAt desc, with the COUNT for totalCount) against the same COUNT and page in plain parameterized ADO.NET SQL (same WHERE, ORDER BY and columns), every column read and the JSON document parsed with `JsonNode.Parse` as EF's converter does. {run.Options.Warmup} warm-up rounds, then {run.Options.Iterations} rounds (fewer when a size's rounds pass {run.Options.ListSeconds} s; see the rounds column), interleaved with alternating order. Ratio = Smile / plain SQL. Goal: within 2x."));
        md.AppendLine("- Diagnostics, timed in the same rounds: \"EF's SQL without EF\" replays the exact statements EF sent (captured once, below) with its parameter values through plain ADO.NET, so Smile minus it is EF's own overhead and it minus plain SQL is the cost of the SQL's shape; \"count only\" is the plain COUNT alone (it runs on every page for totalCount).");
        md.AppendLine("- PostgreSQL runs `VACUUM ANALYZE` after each import step (what autovacuum does shortly after a bulk load); SQLite is measured as shipped (no ANALYZE). The throwaway PostgreSQL runs with fsync=off, synchronous_commit=off (see `PostgresServer`); SQLite uses WAL with its default synchronous=FULL.");
        foreach (var detail in details)
        {
            md.AppendLine().AppendLine(Invariant($"## {detail.Provider}: SQL and plans at {detail.Items:N0} items")).AppendLine();
            md.AppendLine("SQL sent by EF Core for `QueryAsync`:").AppendLine().AppendLine("```sql");
            md.AppendLine(string.Join(";\n\n", detail.EfSql.Select(sql => sql.Trim()))).AppendLine("```").AppendLine();
            md.AppendLine("Plans of the plain SQL statements:").AppendLine().AppendLine("```");
            md.AppendLine(string.Join('\n', detail.Plan)).AppendLine("```");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, md.ToString());
    }

    private static Table Table(string title, string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        return table;
    }

    private static void MarkdownTable(StringBuilder md, string[] headers, IEnumerable<string[]> rows)
    {
        md.AppendLine("| " + string.Join(" | ", headers) + " |");
        md.AppendLine("|" + string.Concat(Enumerable.Repeat("---:|", headers.Length)));
        foreach (var row in rows)
        {
            md.AppendLine("| " + string.Join(" | ", row) + " |");
        }
    }

    private static string[] Cells(Measurement m) =>
    [
        m.Provider,
        Invariant($"{m.Import.Items:N0}"),
        Invariant($"{m.Import.ItemsPerSecond:N0}"),
        Invariant($"{m.Import.FirstPerSecond:N0} → {m.Import.LastPerSecond:N0}"),
        Invariant($"{m.List.Smile.P50:0.00} / {m.List.Smile.P95:0.00}"),
        Invariant($"{m.List.PlainSql.P50:0.00} / {m.List.PlainSql.P95:0.00}"),
        Invariant($"{m.List.Ratio:0.00}x ({m.List.Smile.P95 / m.List.PlainSql.P95:0.00}x)"),
        Invariant($"{m.List.EfSqlReplayed.P50:0.00} / {m.List.EfSqlReplayed.P95:0.00}"),
        Invariant($"{m.List.CountOnly.P50:0.00} / {m.List.CountOnly.P95:0.00}"),
        Invariant($"{m.List.Iterations}"),
    ];

    private static string[] Cells(SweepResult s) =>
    [
        s.Provider,
        Invariant($"{s.AtItems:N0}"),
        Invariant($"{s.BatchSize:N0}"),
        Invariant($"{s.Items:N0}"),
        Invariant($"{s.ItemsPerSecond:N0}"),
        Invariant($"{s.MillisecondsPerItem:0.00}"),
    ];

    /// <summary>The commit measured, and whether the working tree differed from it.</summary>
    private static string TreeState()
    {
        try
        {
            var head = Git("rev-parse --short HEAD");
            if (head.Length == 0)
            {
                return "unknown (not a git checkout)";
            }

            var changed = Git("status --porcelain --untracked-files=no -- :/cms").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            return changed == 0 ? $"commit {head}" : $"commit {head} with {changed} uncommitted changed file(s) under cms/";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown (git not found)";
        }
    }

    private static string Git(string arguments)
    {
        using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory, // inside the checkout wherever `dotnet run` was started
        })!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return output.Trim();
    }

    private static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        var line = File.Exists(CpuInfo) ? File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
