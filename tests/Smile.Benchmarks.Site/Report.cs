using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Smile.Benchmarks.Site.Measuring;

namespace Smile.Benchmarks.Site;

/// <summary>The results as Markdown for <c>results/latest.md</c>.</summary>
internal static class Report
{
    public static string Markdown(RunFacts f, string command)
    {
        var md = new StringBuilder();
        var hugo = f.Main.FirstOrDefault();
        var hugoWall = hugo is null ? double.NaN : Series.Median(hugo.Wall);
        var hugoPeak = hugo is null ? double.NaN : Series.Median(hugo.PeakMiB);
        var hugoCpu = hugo is null ? double.NaN : Series.Median(hugo.Cpu);
        md.AppendLine("# Site generator against Hugo: one synthetic corpus, whole-process figures").AppendLine();
        md.AppendLine(I($"- date: {f.StartedUtc:yyyy-MM-dd HH:mm} UTC, run time {f.Duration.TotalMinutes:0.0} min"));
        md.AppendLine(I($"- machine: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average before {f.LoadBefore}, after {f.LoadAfter}{(Shared(f) ? " — **the machine was shared with other work while measuring: figures are noisy, compare ratios from the same run**" : "")}"));
        md.AppendLine(I($"- generator and theme measured: {f.Tree} (the CLI is the Release build of this tree)"));
        md.AppendLine(I($"- corpus: {f.Options.Items:N0} German news items of ~{f.Options.Words} words (Markdown: paragraphs, a subheading, a list), 3 of 40 tags each, lists of 20, a page per tag, one RSS feed, a sitemap, no images; fixed seed; the CMS also holds its seed recipe (the city's pages, projects, events: 61 items)"));
        md.AppendLine(I($"- CMS: SQLite, in the harness process on loopback, Release; import of the corpus through ContentService took {f.ImportSeconds:0.0} s; API snapshot {f.SnapshotMiB:0.0} MiB"));
        md.AppendLine(I($"- {f.Options.Runs} runs of each program, interleaved; median shown, range in brackets; wall clock, CPU (user+sys) and peak RSS from `/usr/bin/time -v`; every run writes into a fresh folder (Smile: fresh build state too)"));
        md.AppendLine(I($"- command: `{command}`")).AppendLine();

        md.AppendLine("| build | wall s | CPU s | peak RSS MiB | wall vs Hugo | CPU vs Hugo | peak RSS vs Hugo | how |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var series in f.Main.Concat(f.Pagefind is null ? [] : [f.Pagefind]).Concat(new[] { f.ColdNoop, f.ColdEdit }.OfType<Series>()))
        {
            md.AppendLine(Row(series, hugoWall, hugoCpu, hugoPeak));
        }

        if (f.WarmEdit.Count > 0)
        {
            md.AppendLine(WarmRow("incremental, warm: one item's text edited", f.WarmEdit, hugoWall, "`SiteBuilder.BuildAsync` again in the process that built before (as `serve`), after one published edit"));
            md.AppendLine(WarmRow("incremental, warm: nothing changed", f.WarmNoop, hugoWall, "what `serve` does every 2 s while nothing changes"));
        }

        md.AppendLine();
        md.AppendLine("Incremental rows compare with Hugo's full build (Hugo has no cold incremental build). Warm rows run inside the harness, which also hosts the CMS: no peak RSS of their own. On a shared machine CPU seconds (user+sys) are the steadier comparison: wall time depends on how much of the two cores the process got.").AppendLine();
        Goals(md, f, hugoWall, hugoPeak);

        md.AppendLine("## Diagnostics").AppendLine();
        md.AppendLine("| build | wall s | CPU s | peak RSS MiB | wall vs Hugo | CPU vs Hugo | peak RSS vs Hugo | why |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var series in f.Diagnostics)
        {
            md.AppendLine(Row(series, hugoWall, hugoCpu, hugoPeak));
        }

        if (f.SmileOutput is { } s && f.HugoOutput is { } h)
        {
            md.AppendLine().AppendLine("Both sites, as written (comparable page by page):").AppendLine();
            md.AppendLine("| site | HTML pages | HTML MiB | files | all MiB | news pages (avg KiB) | news list pages (avg KiB) | tag pages (avg KiB) |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            md.AppendLine(Stats("Smile (minified)", s));
            md.AppendLine(Stats("Hugo (not minified)", h));
        }

        md.AppendLine().AppendLine("Where a Smile build spends its time, in-process (progress reports of `SiteBuilder`; \"plan\" includes content checks, planning and deciding what to render):").AppendLine();
        md.AppendLine("| build | total s | fetch s | plan s | render + minify s | write, feeds, sitemap, link check, state s | pages rendered | files written | items fetched |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        StageRow(md, "full, from the snapshot (warm process)", f.FullStages);
        StageRow(md, "full, from the snapshot, `Minify = false`", f.FullStagesNoMinify);
        StageRow(md, "first build of the warm builder (API)", f.WarmFirst);
        StageRow(md, "warm, nothing changed (median)", Median(f.WarmNoop));
        StageRow(md, "warm, one item edited (median)", Median(f.WarmEdit));
        if (f.ColdPagesWritten.Count > 0)
        {
            md.AppendLine().AppendLine(I($"Cold incremental builds wrote {string.Join(", ", f.ColdPagesWritten)} pages after each edit."));
        }

        if (f.Attribution.Count > 0)
        {
            md.AppendLine().AppendLine("Single steps of the generator, called alone on this corpus:").AppendLine();
            f.Attribution.ForEach(a => md.AppendLine("- " + a));
        }

        md.AppendLine().AppendLine("## What was measured").AppendLine();
        md.AppendLine("- Hugo (Debian package) builds Markdown files with front matter (title, slug, date, tags, teaser) with templates equivalent to the Smile theme's news pages (`baseof`, `single`, `list` paginated by 20, `term` listing all tagged items like Smile's tag page, `taxonomy`, home with the latest 6, 404), one RSS feed of 50, `sitemap.xml` and `robots.txt`. The templates are in `hugo/` beside this file.");
        md.AppendLine("- Smile (a) reads the API answers recorded once by `smile-site build --api ... --record dir`; (b) asks the warm CMS. Both write the theme `themes/smile` minified (the CLI default), RSS and Atom, sitemap, `_redirects`, and the build state (manifest and content) beside the output. The working folder has no `site/node_modules`, so the CLI skips Pagefind; it is timed on its own row.");
        md.AppendLine("- Smile renders Markdown when an item is saved, Hugo at build time: that work is in Hugo's figure and in the CMS import, not in Smile's.");
        md.AppendLine("- Incremental: each round publishes a new version of a different item with one sentence added to its body (through ContentService, as the admin UI does), then builds. Cold: a new `smile-site build --api` process continues from the state of the previous build. Warm: a second `BuildAsync` on the same `SiteBuilder`.");
        f.Notes.ForEach(n => md.AppendLine("- " + n));
        return md.ToString();
    }

    private static void Goals(StringBuilder md, RunFacts f, double hugoWall, double hugoPeak)
    {
        var a = f.Main.ElementAtOrDefault(1);
        if (a is null)
        {
            return;
        }

        var wallRatio = Series.Median(a.Wall) / hugoWall;
        var peakRatio = Series.Median(a.PeakMiB) / hugoPeak;
        var warm = f.WarmEdit.Count > 0 ? Series.Median([.. f.WarmEdit.Select(s => s.Total)]) : double.NaN;
        md.AppendLine("Goals of the issue:").AppendLine();
        md.AppendLine(I($"- (a) no slower than Hugo, wall ratio ≤ 1.0: **{wallRatio:0.00}** — {(wallRatio <= 1.0 ? "met" : "not met")}"));
        md.AppendLine(I($"- (a) at half Hugo's peak memory, ratio ≤ 0.5: **{peakRatio:0.00}** — {(peakRatio <= 0.5 ? "met" : "not met")}"));
        md.AppendLine(I($"- warm incremental rebuild < 1 s: **{warm:0.00} s** — {(warm < 1 ? "met" : "not met")}")).AppendLine();
    }

    private static string Row(Series s, double hugoWall, double hugoCpu, double hugoPeak)
    {
        var wall = Series.Median(s.Wall);
        var peak = Series.Median(s.PeakMiB);
        var cpu = Series.Median(s.Cpu);
        return I($"| {s.Name} | {wall:0.00} ({s.Wall.Min():0.00}–{s.Wall.Max():0.00}) | {cpu:0.0} | {peak:0} ({s.PeakMiB.Min():0}–{s.PeakMiB.Max():0}) | {wall / hugoWall:0.00} | {cpu / hugoCpu:0.00} | {peak / hugoPeak:0.00} | {s.Note} |");
    }

    private static string WarmRow(string name, List<Stages> runs, double hugoWall, string how)
    {
        var totals = runs.Select(r => r.Total).ToList();
        var wall = Series.Median(totals);
        return I($"| {name} | {wall:0.00} ({totals.Min():0.00}–{totals.Max():0.00}) | – | – | {wall / hugoWall:0.00} | – | – | {how} |");
    }

    private static void StageRow(StringBuilder md, string name, Stages? s)
    {
        if (s is not null)
        {
            md.AppendLine(I($"| {name} | {s.Total:0.00} | {s.Fetch:0.00} | {s.Plan:0.00} | {s.Render:0.00} | {s.Finish:0.00} | {s.Rendered:N0} | {s.Written:N0} | {s.Fetched:N0} |"));
        }
    }

    private static Stages? Median(List<Stages> runs) =>
        runs.Count == 0 ? null : runs.OrderBy(r => r.Total).ElementAt(runs.Count / 2);

    private static string Stats(string name, OutputStats s) =>
        I($"| {name} | {s.HtmlPages:N0} | {s.HtmlMiB:0.0} | {s.Files:N0} | {s.TotalMiB:0.0} | {s.NewsPages:N0} ({s.NewsKiB:0.0}) | {s.ListPages:N0} ({s.ListKiB:0.0}) | {s.TagPages:N0} ({s.TagKiB:0.0}) |");

    private static bool Shared(RunFacts f) =>
        new[] { f.LoadBefore, f.LoadAfter }.Any(l => double.TryParse(l.Split(' ')[0], CultureInfo.InvariantCulture, out var load) && load > Environment.ProcessorCount * 0.75);

    private static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        var line = File.Exists(CpuInfo) ? File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
