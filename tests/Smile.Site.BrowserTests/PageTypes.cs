using System.Text.RegularExpressions;

namespace Smile.Site.BrowserTests;

/// <summary>
/// Every kind of page the theme renders, each resolved to one concrete page of the built site: item pages are the
/// first of their folder, so the tests follow the seed instead of naming its slugs.
/// </summary>
public static partial class PageTypes
{
    private static readonly (string Name, Func<string, string> Find)[] Finders =
    [
        ("home", _ => "/"),
        ("news list", _ => "/aktuelles"),
        ("news article", output => FirstIn(output, "aktuelles")),
        ("project list", _ => "/projekte"),
        ("project", output => FirstIn(output, "projekte")),
        ("field of action", output => FirstIn(output, "handlungsfelder")),
        ("district", output => FirstIn(output, "stadtteile")),
        ("place", output => FirstIn(output, "orte")),
        ("sensor station", output => FirstIn(output, "sensoren")),
        ("video list", _ => "/videos"),
        ("video", output => FirstIn(output, "videos")),
        ("event list", _ => "/veranstaltungen"),
        ("event", output => FirstIn(output, "veranstaltungen")),
        ("Smarte Hanse", _ => "/smarte-hanse"),
        ("expert council", _ => "/rostocker-smart-city-expert-innenrat"),
        ("team (Wer wir sind)", _ => "/wer-wir-sind"),
        ("generic page (Impressum)", _ => "/impressum"),
        ("topic list", _ => "/themen"),
        ("topic", output => FirstIn(output, "themen")),
        ("accessibility statement", StatementOf),
        ("search", _ => "/suche"),
        ("not found (404)", _ => "/diese-seite-gibt-es-nicht"),
    ];

    public static TheoryData<string> All => [.. Finders.Select(f => f.Name)];

    public static IReadOnlyDictionary<string, string> Resolve(string output)
    {
        var paths = Finders.ToDictionary(f => f.Name, f => f.Find(output), StringComparer.Ordinal);
        var missing = paths.Where(p => !p.Key.StartsWith("not found", StringComparison.Ordinal) && !File.Exists(Path.Combine(output, p.Value.Trim('/'), "index.html"))).ToList();
        return missing.Count == 0
            ? paths
            : throw new InvalidOperationException("The built site lacks pages the browser tests visit: " + string.Join(", ", missing.Select(m => $"{m.Key} at {m.Value}")));
    }

    private static string FirstIn(string output, string section)
    {
        var folder = Path.Combine(output, section);
        var first = Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder).Where(d => File.Exists(Path.Combine(d, "index.html"))).Select(Path.GetFileName).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        return first is null ? throw new InvalidOperationException($"The built site has no page in /{section}/.") : $"/{section}/{first}";
    }

    /// <summary>Where the footer's "report a barrier" link leads, as a reader finds the statement.</summary>
    private static string StatementOf(string output)
    {
        var home = File.ReadAllText(Path.Combine(output, "index.html"));
        var match = FeedbackLink().Match(home);
        return match.Success ? match.Groups["path"].Value : throw new InvalidOperationException("The home page links no accessibility statement (#feedback).");
    }

    [GeneratedRegex("href=\"(?<path>/[^\"#]*)#feedback\"")]
    private static partial Regex FeedbackLink();
}
