using System.Diagnostics;
using Smile.Benchmarks.Site.Corpus;
using Smile.Benchmarks.Site.Measuring;
using Smile.Site;
using Smile.Site.Building;
using Smile.Site.Checks;
using Smile.Site.Content;
using Smile.Site.Sources;
using Smile.Site.Themes;

namespace Smile.Benchmarks.Site;

/// <summary>
/// Rebuilds after an editor changed one item's text (a new sentence in the body, published): as a cold
/// <c>smile-site build</c> process continuing from the state beside the output, and in one long-lived
/// <see cref="SiteBuilder"/> (what <c>serve</c> and the CMS preview keep). Plus the stages of a full build.
/// </summary>
internal static class Incremental
{
    public static async Task ColdAsync(CmsHost cms, NewsCorpus corpus, SmileCli smile, string work, RunFacts facts)
    {
        var output = Path.Combine(work, "smile-incremental");
        await smile.BuildIntoAsync(output, ["--api", cms.GraphQL, "--full"]);
        facts.ColdNoop = new Series("incremental, cold: nothing changed", "`smile-site build --api url` continuing from the last build's state");
        facts.ColdEdit = new Series("incremental, cold: one item's text edited", "the same, after one published edit");
        for (var round = 1; round <= facts.Options.Runs; round++)
        {
            facts.ColdNoop.Add(await smile.BuildIntoAsync(output, ["--api", cms.GraphQL]));
            var item = corpus.Items[corpus.Items.Count / 2 + round];
            await cms.EditAsync(corpus, item, NewsCorpus.Edited(item, round));
            var figures = await smile.BuildIntoAsync(output, ["--api", cms.GraphQL]);
            facts.ColdEdit.Add(figures);
            facts.ColdPagesWritten.Add(SmileCli.PagesWritten(figures));
        }

        Tools.Delete(output);
        Tools.Delete(SmileCli.StateOf(output));
    }

    public static async Task WarmAsync(CmsHost cms, NewsCorpus corpus, string theme, string work, RunFacts facts)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var output = Path.Combine(work, "smile-warm");
        using (var builder = new SiteBuilder(new HttpContentSource(http, new Uri(cms.GraphQL)), Options(output, theme, incremental: true)))
        {
            facts.WarmFirst = (await StageClock.BuildAsync(builder)).Stages;
            for (var round = 1; round <= facts.Options.Runs; round++)
            {
                facts.WarmNoop.Add((await StageClock.BuildAsync(builder)).Stages);
                var item = corpus.Items[corpus.Items.Count / 2 + 100 + round];
                await cms.EditAsync(corpus, item, NewsCorpus.Edited(item, round));
                facts.WarmEdit.Add((await StageClock.BuildAsync(builder)).Stages);
            }
        }

        Tools.Delete(output);
        Tools.Delete(SmileCli.StateOf(output));
    }

    /// <summary>A full build from the snapshot in this (warm) process, with and without minifying, then single steps alone.</summary>
    public static async Task StagesAsync(string snapshot, string theme, string work, RunFacts facts)
    {
        var output = Path.Combine(work, "smile-stages");
        using (var builder = new SiteBuilder(SnapshotContentSource.Replaying(snapshot), Options(output, theme, incremental: false) with { Minify = false }))
        {
            await builder.BuildAsync(); // JIT and file cache warm
            facts.FullStagesNoMinify = (await StageClock.BuildAsync(builder)).Stages;
        }

        var plainHtml = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        using (var builder = new SiteBuilder(SnapshotContentSource.Replaying(snapshot), Options(output, theme, incremental: false)))
        {
            facts.FullStages = (await StageClock.BuildAsync(builder)).Stages;
        }

        var minifiedChars = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).Sum(f => (long)File.ReadAllText(f).Length);
        var plainChars = plainHtml.Sum(html => (long)html.Length);
        facts.Attribution.Add($"HTML of all pages as UTF-16 strings, unminified and minified (a build now holds only the pages being rendered): {(plainChars + minifiedChars) * 2 / 1048576.0:0} MiB");
        var state = SmileCli.StateOf(output);
        static double MiB(string folder, string pattern) => Directory.EnumerateFiles(folder, pattern).Sum(f => new FileInfo(f).Length) / 1048576.0;
        facts.Attribution.Add($"build state of a full build: content shards {MiB(state, "content-*.json"):0.0} MiB, page shards {MiB(state, "pages-*.json"):0.0} MiB, manifest {MiB(state, "manifest.json"):0.0} MiB (an incremental build rewrites only the shards whose items or pages changed)");
        Attribute(facts, "link check of the theme's links (LinkCheck.References over every page, one thread, as CheckLinks runs)", () =>
            plainHtml.Sum(html => LinkCheck.References(html).Count(r => LinkCheck.IsInternal(r.Url))));
        Attribute(facts, "whitespace minification (HtmlWhitespace.Collapse) of every page, one thread", () =>
            plainHtml.Sum(html => Smile.Site.Building.HtmlWhitespace.Collapse(html).Length));

        var items = await BuildState.ReadItemsAsync(state);

        var orders = Theme.Load(theme).Settings.Orders;
        var content = new SiteContent(items, orders);
        var news = 0;
        Attribute(facts, "SiteContent.Collection(\"NewsArticle\", \"de\"): the first call sorts by -publishedAt", () => news = content.Collection("NewsArticle", "de").Count);
        var listPages = (news + 19) / 20;
        Attribute(facts, $"SiteContent.Signature(\"type:NewsArticle:de\") x {listPages} (once per news list page in MustRender; computed once per build, then cached)", () =>
            Enumerable.Range(0, listPages).Sum(_ => content.Signature(SiteContent.CollectionKey("NewsArticle", "de")).Length));
        Tools.Delete(output);
        Tools.Delete(state);
    }

    private static void Attribute(RunFacts facts, string what, Func<int> step)
    {
        var clock = Stopwatch.StartNew();
        step();
        facts.Attribution.Add($"{what}: {clock.Elapsed.TotalSeconds:0.000} s");
    }

    private static SiteOptions Options(string output, string theme, bool incremental) => new()
    {
        OutputFolder = output,
        ThemeFolder = theme,
        BaseUrl = "http://localhost:4000",
        Incremental = incremental,
    };
}
