using Smile.Site;
using Smile.Site.Building;
using Smile.Site.Checks;
using Smile.Site.Cli;
using Smile.Site.Searching;
using Smile.Site.Sources;
using Spectre.Console;

const string Usage = """
    smile-site build|serve|check [options]
      --api <url>        GraphQL endpoint of a Smile CMS (default http://localhost:5000/api/graphql)
      --snapshot <dir>   read API answers from a snapshot folder instead (offline build)
      --record <dir>     keep the API answers in a snapshot folder while building
      --out <dir>        output folder (default public)
      --theme <dir>      theme folder (default themes/smile)
      --base-url <url>   public address for canonical links, feeds and the sitemap
      --cultures <list>  e.g. de,en,de-x-ls (the first is the default)
      --state <dir>      where the manifest of the last build is kept (default beside the output)
      --pagefind <path>  the pagefind program for the search index (default: site/node_modules/.bin/pagefind)
      --port <n>         serve: the port of the preview server (default 4000)
      --full             build everything afresh instead of incrementally
      --no-minify        keep the HTML as the templates wrote it
      --quiet            no progress, only errors and the summary line
    """;

CommandLine command;
try
{
    command = CommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

if (command.Has("--help"))
{
    Console.WriteLine(Usage);
    return 0;
}

var options = new SiteOptions
{
    OutputFolder = Path.GetFullPath(command["--out"] ?? "public"),
    ThemeFolder = Path.GetFullPath(command["--theme"] ?? "themes/smile"),
    BaseUrl = command["--base-url"] ?? "http://localhost:4000",
    Cultures = command["--cultures"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray() ?? ["de", "en", "de-x-ls"],
    StateFolder = command["--state"],
    // The CMS serves its SensorThings API beside the GraphQL endpoint; a snapshot has no live API to link to.
    SensorThingsUrl = command["--snapshot"] is null ? new Uri(new Uri(command["--api"] ?? "http://localhost:5000/api/graphql"), "/sta/v1.1").ToString() : null,
    Incremental = !command.Has("--full"),
    Minify = !command.Has("--no-minify"),
};
var quiet = command.Has("--quiet");

try
{
    switch (command.Command)
    {
        case "check":
            return Check(options.OutputFolder);
        case "build":
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
                using var builder = new SiteBuilder(Source(command, http), options);
                var report = await Build(builder, quiet);
                await Pagefind.IndexAsync(options.OutputFolder, command["--pagefind"], report, quiet);
                return 0;
            }
        case "serve":
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
                using var builder = new SiteBuilder(Source(command, http), options);
                await Build(builder, quiet);
                await PreviewServer.RunAsync(builder, options, int.Parse(command["--port"] ?? "4000", System.Globalization.CultureInfo.InvariantCulture), command["--pagefind"]);
                return 0;
            }
        default:
            Console.Error.WriteLine($"'{command.Command}' is not a command: use build, serve or check.");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (Exception e) when (e is SiteBuildException or ContentSourceException)
{
    // Plain text on stderr: CI logs and scripts read it whole, unwrapped.
    Console.Error.WriteLine($"The site was not built. {e.Message}");
    return 1;
}

static IContentSource Source(CommandLine command, HttpClient http)
{
    if (command["--snapshot"] is { } snapshot)
    {
        return SnapshotContentSource.Replaying(snapshot);
    }

    IContentSource source = new HttpContentSource(http, new Uri(command["--api"] ?? "http://localhost:5000/api/graphql"));
    return command["--record"] is { } record ? SnapshotContentSource.Recording(source, record) : source;
}

static async Task<BuildReport> Build(SiteBuilder builder, bool quiet)
{
    BuildReport report;
    if (quiet || Console.IsOutputRedirected)
    {
        report = await builder.BuildAsync();
    }
    else
    {
        report = await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn()).StartAsync(async progress =>
        {
            var fetch = progress.AddTask("Inhalte laden", maxValue: 1);
            var render = progress.AddTask("Seiten rendern", maxValue: 1);
            builder.Progress = new Progress<BuildProgress>(p =>
            {
                var task = p.Stage == "fetch" ? fetch : render;
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            });
            var result = await builder.BuildAsync();
            render.Value = render.MaxValue;
            return result;
        });
    }

    foreach (var warning in report.Warnings)
    {
        Console.WriteLine($"warning: {warning}");
    }

    if (quiet)
    {
        Console.WriteLine($"{report.PagesWritten} pages written, {report.PagesUnchanged} unchanged, {report.FilesRemoved.Count} removed in {report.Duration.TotalSeconds:0.00} s.");
    }
    else
    {
        var table = new Table().AddColumns("", "");
        table.AddRow("Build", report.Incremental ? "incremental" : "full");
        table.AddRow("Items fetched", report.ItemsFetched.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Pages written", report.PagesWritten.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Pages unchanged", report.PagesUnchanged.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Files removed", report.FilesRemoved.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Time", $"{report.Duration.TotalSeconds:0.00} s");
        AnsiConsole.Write(table);
    }

    return report;
}

static int Check(string folder)
{
    var problems = OutputCheck.Run(folder);
    foreach (var problem in problems)
    {
        Console.WriteLine($"✗ {problem}");
    }

    Console.WriteLine(problems.Count == 0 ? $"{folder}: every check passed." : $"{problems.Count} problems.");
    return problems.Count == 0 ? 0 : 1;
}
