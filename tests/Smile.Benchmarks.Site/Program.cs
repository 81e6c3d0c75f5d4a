using System.Diagnostics;
using System.Globalization;
using Smile.Benchmarks.Site;
using Smile.Benchmarks.Site.Corpus;
using Smile.Benchmarks.Site.Measuring;

// dotnet run -c Release --project tests/Smile.Benchmarks.Site -- [--items 10000] [--words 400] [--runs 3] [--pagefind path|none] [--keep-snapshot dir]
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

#if DEBUG
Console.WriteLine("Debug build of the harness: the CLI is timed as built by this configuration. Run with -c Release.");
#endif

var repository = Tools.RepositoryRoot();
var cli = Path.Combine(repository, "site", "Smile.Site.Cli", "bin", Tools.Configuration, "net10.0", "smile-site.dll");
var theme = Path.Combine(repository, "themes", "smile");
if (Tools.Missing(cli) is { } problem)
{
    Console.Error.WriteLine(problem);
    return 2;
}

var startedUtc = DateTime.UtcNow;
var started = Stopwatch.GetTimestamp();
var work = Directory.CreateTempSubdirectory("smile-bench-site-").FullName;
var exitCode = 0;
var facts = new RunFacts { StartedUtc = startedUtc, Options = options, LoadBefore = Tools.LoadAverage(), Tree = Tools.TreeState(repository) };
try
{
    var pagefind = await Tools.PagefindAsync(options.Pagefind, repository, work, facts);
    Console.WriteLine($"Generating {options.Items:N0} news items of ~{options.Words} words (seed {NewsCorpus.Seed}) ...");
    var corpus = NewsCorpus.Generate(options.Items, options.Words);
    var hugoSite = Path.Combine(work, "hugo-site");
    HugoSite.Write(corpus, hugoSite, theme);

    await using var cms = await CmsHost.StartAsync(Path.Combine(work, "cms"));
    var import = Stopwatch.StartNew();
    var imported = 0;
    await cms.ImportAsync(corpus, n => Console.Write($"\rImporting into the CMS: {imported += n:N0}/{corpus.Items.Count:N0}"));
    facts.ImportSeconds = import.Elapsed.TotalSeconds;
    Console.WriteLine($"\rImported {corpus.Items.Count:N0} news and {corpus.Tags.Count} tags in {facts.ImportSeconds:0.0} s");

    var snapshot = Path.Combine(work, "snapshot");
    var smile = new SmileCli(cli, theme, work);
    var hugo = new HugoCli(hugoSite, work);
    Console.WriteLine("Recording the API snapshot (and warming up every program once) ...");
    facts.Record = await smile.BuildAsync("record", ["--api", cms.GraphQL, "--record", snapshot, "--full"]);

    facts.SnapshotMiB = Tools.FolderBytes(snapshot) / 1048576.0;
    if (options.KeepSnapshot is { } keep)
    {
        Directory.CreateDirectory(keep);
        foreach (var file in Directory.EnumerateFiles(snapshot))
        {
            File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
        }
    }
    if (options.IncrementalOnly)
    {
        Tools.Delete(smile.LastOutput!);
    }
    else
    {
        facts.SmileOutput = OutputStats.Of(smile.LastOutput!, "aktuelles", "themen");
        var hugoOutput = await hugo.BuildKeepingAsync([]);
        facts.HugoOutput = OutputStats.Of(hugoOutput, "aktuelles", "themen");
        Tools.Delete(hugoOutput);
        Tools.Delete(smile.LastOutput!);
        await smile.BuildAsync("warm-up", ["--snapshot", snapshot, "--full"]);

        // Interleaved, so a burst of load from the machine's other users hits all three alike.
        var hugoRuns = new Series("Hugo " + Tools.HugoVersion(), "`hugo --quiet -s site -d out`, Markdown rendered at build time");
        var smileA = new Series("Smile (a): from a local API snapshot", "`smile-site build --snapshot dir --full --quiet`; the fair comparison");
        var smileB = new Series("Smile (b): end to end from a warm CMS", "`smile-site build --api url --full --quiet`, CMS in the harness process on loopback");
        for (var run = 1; run <= options.Runs; run++)
        {
            Console.WriteLine($"Run {run}/{options.Runs}");
            hugoRuns.Add(await hugo.BuildAsync([]));
            smileA.Add(await smile.BuildAsync("a", ["--snapshot", snapshot, "--full"]));
            smileB.Add(await smile.BuildAsync("b", ["--api", cms.GraphQL, "--full"]));
            Console.WriteLine($"  Hugo {hugoRuns.Wall[^1]:0.00} s {hugoRuns.PeakMiB[^1]:0} MiB; Smile (a) {smileA.Wall[^1]:0.00} s {smileA.PeakMiB[^1]:0} MiB; (b) {smileB.Wall[^1]:0.00} s {smileB.PeakMiB[^1]:0} MiB");
        }

        facts.Main.AddRange([hugoRuns, smileA, smileB]);

        Console.WriteLine("Diagnostics: minifying, garbage collector ...");
        var hugoMinify = new Series("Hugo with `--minify`", "Smile minifies by default; Hugo only when asked");
        var smileNoMinify = new Series("Smile (a) with `--no-minify`", "the share of NUglify in the build");
        var smileWorkstation = new Series("Smile (a) with `DOTNET_gcServer=0`", "workstation GC instead of the Web SDK's default server GC");
        for (var run = 1; run <= options.Runs; run++)
        {
            hugoMinify.Add(await hugo.BuildAsync(["--minify"]));
            smileNoMinify.Add(await smile.BuildAsync("a-nominify", ["--snapshot", snapshot, "--full", "--no-minify"]));
            smileWorkstation.Add(await smile.BuildAsync("a-wks", ["--snapshot", snapshot, "--full"], new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" }));
        }

        facts.Diagnostics.AddRange([hugoMinify, smileNoMinify, smileWorkstation]);

        if (pagefind is not null)
        {
            Console.WriteLine("Pagefind over the Smile site ...");
            var site = await smile.BuildKeepingAsync(["--snapshot", snapshot, "--full"]);
            var search = new Series("Pagefind 1.6.0 over Smile's output", "`pagefind --site out`, run by `smile-site build` after the pages; not in the rows above");
            for (var run = 1; run <= options.Runs; run++)
            {
                Tools.Delete(Path.Combine(site, "pagefind"));
                search.Add(await TimedProcess.RunAsync(pagefind, ["--site", site], work));
            }

            facts.Pagefind = search;
            Tools.Delete(site);
        }
    }

    Console.WriteLine("Incremental rebuilds after editing one item's text ...");
    await Incremental.ColdAsync(cms, corpus, smile, work, facts);
    await Incremental.WarmAsync(cms, corpus, theme, work, facts);
    Console.WriteLine("Stages of a full build from the snapshot, in-process ...");
    await Incremental.StagesAsync(snapshot, theme, work, facts);
}
catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or Smile.Site.SiteBuildException or Smile.Site.Sources.ContentSourceException)
{
    // What was measured before the failure is still worth a report; the failure says why the rest is missing.
    facts.Notes.Add($"The run stopped early: {e.GetType().Name}: {e.Message}");
    Console.Error.WriteLine(e);
    exitCode = 1;
}
finally
{
    facts.LoadAfter = Tools.LoadAverage();
    facts.Duration = Stopwatch.GetElapsedTime(started);
    Tools.Delete(work);
}

var output = options.Output ?? Path.Combine(repository, "tests", "Smile.Benchmarks.Site", "results", "latest.md");
var markdown = Report.Markdown(facts, "dotnet run -c Release --project tests/Smile.Benchmarks.Site" + (args.Length > 0 ? " -- " + string.Join(' ', args) : ""));
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, markdown);
Console.WriteLine(markdown);
Console.WriteLine($"Written to {output}");
return exitCode;
