using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Smile.Benchmarks.Scenario;
using Spectre.Console;

namespace Smile.Benchmarks;

internal sealed record Measurement(string Provider, ImportResult Import, ListResult List);

/// <summary>What the note needs to explain a provider's figures: its version, EF's SQL and the plan at the largest size.</summary>
internal sealed record ProviderDetails(string Provider, string ServerVersion, int Items, IReadOnlyList<string> EfSql, IReadOnlyList<string> Plan);

internal sealed record RunInfo(DateTime StartedUtc, TimeSpan Duration, string Command, BenchmarkOptions Options);

/// <summary>The results as a console table and as Markdown for <c>results/latest.md</c>.</summary>
internal static class Report
{
    private static readonly string[] Headers =
        ["provider", "items", "sessions per batch", "import items/s", "first → last batch items/s", "list p50 / p95 ms (Smile)", "list p50 / p95 ms (plain SQL)", "ratio p50 (p95)"];

    public static void Print(IReadOnlyList<Measurement> results, RunInfo run)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Smile benchmarks, batch {run.Options.BatchSize:N0} items per transaction");
        foreach (var header in Headers)
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var row in results.Select(Cells))
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Run time {run.Duration.TotalMinutes:0.0} min on {Environment.ProcessorCount} cores.");
    }

    public static async Task WriteMarkdownAsync(string path, IReadOnlyList<Measurement> results, IReadOnlyList<ProviderDetails> details, RunInfo run)
    {
        var md = new StringBuilder();
        md.AppendLine("# Smile benchmarks: batch import and list latency").AppendLine();
        md.AppendLine(Invariant($"- date: {run.StartedUtc:yyyy-MM-dd HH:mm} UTC, run time {run.Duration.TotalMinutes:0.0} min"));
        md.AppendLine(Invariant($"- machine: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        md.AppendLine(Invariant($"- databases: {string.Join(", ", details.Select(d => d.ServerVersion))}"));
        md.AppendLine(Invariant($"- command: `{run.Command}`")).AppendLine();
        md.AppendLine("| " + string.Join(" | ", Headers) + " |");
        md.AppendLine("|" + string.Concat(Enumerable.Repeat("---:|", Headers.Length)));
        foreach (var row in results.Select(Cells))
        {
            md.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        md.AppendLine().AppendLine("## What was measured").AppendLine();
        md.AppendLine(Invariant($"- Import: `ContentService.RunAsync` sessions of {run.Options.BatchSize:N0} `CreateAsync` + `PublishAsync` of a NewsArticle (title, Markdown body, required teaser, two tags), one transaction per session. The database grows from one size to the next; items/s is over the whole import up to that size. Goal: at least 1,000 items/s on SQLite."));
        if (results.Any(r => !r.Import.OneTransaction))
        {
            md.AppendLine("- Sessions per batch 2: publishing an item created earlier in the same session failed with ContentNotFoundException (`EfContentSession.FindItemAsync` queries the database only, so it does not see items added but not yet saved). Each batch then runs as one create session and one publish session: the same work, two commits.");
        }

        md.AppendLine(Invariant($"- List: `IContentReader.QueryAsync` for the latest {ListBenchmark.PageSize} published NewsArticles in `de` (ordered by publishedAt desc, with the COUNT for totalCount) against the same COUNT and page in plain parameterized ADO.NET SQL, every column read and the JSON document parsed with `JsonNode.Parse` as EF's converter does. {run.Options.Warmup} warm-up rounds, then {run.Options.Iterations} rounds each, interleaved with alternating order. Ratio = Smile / plain SQL. Goal: within 2x."));
        md.AppendLine("- PostgreSQL runs `VACUUM ANALYZE` after each import step (what autovacuum does shortly after a bulk load); SQLite is measured as shipped (no ANALYZE). The throwaway PostgreSQL runs with fsync=off, synchronous_commit=off (see `PostgresServer`); SQLite uses WAL with its default synchronous=FULL.");
        foreach (var detail in details)
        {
            md.AppendLine().AppendLine(Invariant($"## {detail.Provider}: SQL and plan at {detail.Items:N0} items")).AppendLine();
            md.AppendLine("SQL sent by EF Core for `QueryAsync`:").AppendLine().AppendLine("```sql");
            foreach (var sql in detail.EfSql)
            {
                md.AppendLine(sql.Trim()).AppendLine();
            }

            md.AppendLine("```").AppendLine().AppendLine("Plan of the plain SQL baseline (list, then count):").AppendLine().AppendLine("```");
            foreach (var line in detail.Plan)
            {
                md.AppendLine(line);
            }

            md.AppendLine("```");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, md.ToString());
    }

    private static string[] Cells(Measurement m) =>
    [
        m.Provider,
        Invariant($"{m.Import.Items:N0}"),
        m.Import.OneTransaction ? "1" : "2",
        Invariant($"{m.Import.ItemsPerSecond:N0}"),
        Invariant($"{m.Import.FirstBatchPerSecond:N0} → {m.Import.LastBatchPerSecond:N0}"),
        Invariant($"{m.List.Smile.P50:0.00} / {m.List.Smile.P95:0.00}"),
        Invariant($"{m.List.PlainSql.P50:0.00} / {m.List.PlainSql.P95:0.00}"),
        Invariant($"{m.List.Ratio:0.00}x ({m.List.Smile.P95 / m.List.PlainSql.P95:0.00}x)"),
    ];

    private static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        var line = File.Exists(CpuInfo) ? File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
