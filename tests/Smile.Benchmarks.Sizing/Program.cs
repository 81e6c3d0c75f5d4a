using System.Globalization;
using System.Text;
using Smile.Benchmarks.Sizing;

// From the repository root, after publishing as the Dockerfile does:
//   dotnet publish cms/Smile.Cms -c Release -o /tmp/smile-app
//   dotnet run -c Release --project tests/Smile.Benchmarks.Sizing -- --published /tmp/smile-app --items 10000
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a, p => p.i + 1 < args.Length ? args[p.i + 1] : "");
var published = Path.GetFullPath(options.GetValueOrDefault("--published") ?? throw new ArgumentException("--published <folder of dotnet publish> is required"));
var items = int.Parse(options.GetValueOrDefault("--items", "10000"), CultureInfo.InvariantCulture);
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SMILE_CMS", Path.GetFullPath(Path.Combine("cms", "Smile.Cms")));

var seedOnly = await Installation.MeasureAsync(published, extraItems: 0);
var grown = await Installation.MeasureAsync(published, items);

var report = new StringBuilder();
report.AppendLine("# Sizing: the published CMS on SQLite").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"- {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
report.AppendLine(CultureInfo.InvariantCulture, $"- command: `dotnet run -c Release --project tests/Smile.Benchmarks.Sizing -- --published <dir> --items {items}`");
report.AppendLine("- each installation: the seed recipe (78 items), plus the extra news items (German text of ~400 words, Markdown, a teaser) imported through ContentService;");
report.AppendLine("  then the published app started as the Dockerfile starts it (server GC, the default), the site preview built with Pagefind, the search index caught up;");
report.AppendLine("  memory read from /proc (VmRSS now, VmHWM the peak), then a GraphQL list query and the home page fetched 200 times each and memory read again");
report.AppendLine();
report.AppendLine("| installation | items | database MiB | search indexes MiB | built site MiB | RSS idle MiB | RSS after requests MiB | peak RSS MiB |");
report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (name, m) in new[] { ("seed only", seedOnly), ($"seed + {items:N0} news", grown) })
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {m.Items:N0} | {m.DatabaseMiB:F1} | {m.SearchMiB:F1} | {m.SiteMiB:F1} | {m.IdleRssMiB:F0} | {m.LoadedRssMiB:F0} | {m.PeakRssMiB:F0} |");
}

report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Per {items:N0} news items (difference): database {grown.DatabaseMiB - seedOnly.DatabaseMiB:F1} MiB, search {grown.SearchMiB - seedOnly.SearchMiB:F1} MiB, site {grown.SiteMiB - seedOnly.SiteMiB:F1} MiB, peak RSS {grown.PeakRssMiB - seedOnly.PeakRssMiB:F0} MiB.");
var folder = Path.Combine("tests", "Smile.Benchmarks.Sizing", "results");
Directory.CreateDirectory(folder);
await File.WriteAllTextAsync(Path.Combine(folder, "latest.md"), report.ToString());
Console.WriteLine(report);
return 0;
