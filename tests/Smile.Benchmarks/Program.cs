using System.Diagnostics;
using Smile.Benchmarks;
using Smile.Benchmarks.Scenario;
using Smile.Testing;
using Spectre.Console;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
    return 2;
}

#if DEBUG
AnsiConsole.MarkupLine("[yellow]Debug build: figures are not comparable. Run with -c Release.[/]");
#endif

var startedUtc = DateTime.UtcNow;
var started = Stopwatch.GetTimestamp();
var results = new List<Measurement>();
var details = new List<ProviderDetails>();
var sweeps = new List<SweepResult>();
await using (var databases = new TestDatabases())
{
    foreach (var provider in options.Providers)
    {
        await using var db = await databases.CreateAsync(provider);
        var baseline = new BaselineQueries(provider, db.ConnectionString);
        var import = new ImportBenchmark(db, options.BatchSize);
        await import.SetUpAsync();
        var efSql = await SqlCapture.ReaderCommandsAsync(db, reader => reader.QueryAsync(ListBenchmark.Query));
        foreach (var items in options.Items)
        {
            var imported = await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask($"{provider}: import to {items:N0}", maxValue: items);
                task.Value = import.Imported;
                return await import.GrowToAsync(items, done => task.Value = done);
            });
            AnsiConsole.MarkupLine($"{provider}: {imported.Items:N0} items imported in {imported.Elapsed.TotalSeconds:N1} s ({imported.ItemsPerSecond:N0}/s); timing the list query");
            await baseline.VacuumAnalyzeAsync();
            var list = await ListBenchmark.RunAsync(db, baseline, efSql, options.Warmup, options.Iterations, TimeSpan.FromSeconds(options.ListSeconds));
            results.Add(new Measurement(provider, imported, list));
        }

        if (options.Sweep.Count > 0)
        {
            AnsiConsole.MarkupLine($"{provider}: comparing session sizes {string.Join(", ", options.Sweep)}, {options.Sweep.Max():N0} items each");
            sweeps.AddRange(await import.SweepAsync(options.Sweep));
        }

        var plan = await baseline.ExplainAsync(NewsTypes.Article, NewsTypes.Culture, ListBenchmark.PageSize);
        details.Add(new ProviderDetails(provider, await baseline.ServerVersionAsync(), import.Imported, [.. efSql.Select(c => c.Sql)], plan));
    }
}

var run = new RunInfo(startedUtc, Stopwatch.GetElapsedTime(started), "dotnet run -c Release --project tests/Smile.Benchmarks" + (args.Length > 0 ? " -- " + string.Join(' ', args) : ""), options);
Report.Print(results, sweeps, run);
var output = options.Output ?? Path.Combine(RepositoryRoot(), "tests", "Smile.Benchmarks", "results", "latest.md");
await Report.WriteMarkdownAsync(output, results, sweeps, details, run);
AnsiConsole.MarkupLine($"Written to {Markup.Escape(output)}");
return 0;

// The results file belongs next to the project, wherever `dotnet run` was started from.
static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Smile.sln")))
            {
                return directory.FullName;
            }
        }
    }

    return Directory.GetCurrentDirectory();
}
