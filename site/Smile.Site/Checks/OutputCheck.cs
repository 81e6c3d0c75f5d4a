using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace Smile.Site.Checks;

/// <summary>
/// The checks of a built site, as the <c>check</c> command runs them: every page parses as HTML without errors,
/// every internal reference resolves, nothing loads from another host (scripts, styles, fonts, frames, images,
/// media), and the sitemap lists every page.
/// </summary>
public static partial class OutputCheck
{
    private static readonly HashSet<string> Loading = new(StringComparer.Ordinal) { "src", "srcset", "poster", "data" };

    public static IReadOnlyList<string> Run(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            return [$"'{folder}' does not exist: build the site first."];
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var parser = new HtmlParser();
        foreach (var page in files.Where(f => f.EndsWith(".html", StringComparison.Ordinal) && !f.StartsWith("pagefind/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var html = File.ReadAllText(Path.Combine(root, page));
            var errors = new List<string>();
            parser.Error += Collect;
            parser.ParseDocument(html);
            parser.Error -= Collect;
            problems.AddRange(errors.Take(3).Select(e => $"{page}: invalid HTML: {e}"));

            foreach (var (attribute, tag, url, markup) in LinkCheck.ReferencesWithMarkup(html))
            {
                if (LinkCheck.IsInternal(url) && !LinkCheck.Resolves(url, files.Contains))
                {
                    problems.Add($"{page}: {tag} {attribute}=\"{url}\" points to nothing in the site.");
                }
                else if (LinkCheck.IsExternal(url) && (Loading.Contains(attribute) || tag is "script" or "iframe" || (tag == "link" && !NavigationLink().IsMatch(markup))))
                {
                    problems.Add($"{page}: {tag} loads {url} from another host; the site must load everything from itself.");
                }
            }

            void Collect(object? sender, AngleSharp.Dom.Events.Event e)
            {
                if (e is AngleSharp.Html.Dom.Events.HtmlErrorEvent error)
                {
                    errors.Add($"{error.Message} (line {error.Position.Line}, column {error.Position.Column})");
                }
            }
        }

        foreach (var css in files.Where(f => f.EndsWith(".css", StringComparison.Ordinal)))
        {
            foreach (Match url in CssUrl().Matches(File.ReadAllText(Path.Combine(root, css))))
            {
                if (LinkCheck.IsExternal(url.Groups["url"].Value))
                {
                    problems.Add($"{css}: loads {url.Groups["url"].Value} from another host.");
                }
            }
        }

        problems.AddRange(SitemapProblems(root, files));
        return problems;
    }

    private static IEnumerable<string> SitemapProblems(string root, HashSet<string> files)
    {
        var sitemap = Path.Combine(root, "sitemap.xml");
        if (!File.Exists(sitemap))
        {
            return ["sitemap.xml is missing."];
        }

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var listed = XDocument.Load(sitemap).Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).Select(p => Uri.UnescapeDataString(p).Trim('/')).ToHashSet(StringComparer.Ordinal);
        return files
            .Where(f => f.EndsWith("index.html", StringComparison.Ordinal) && !f.StartsWith("pagefind/", StringComparison.Ordinal))
            .Select(f => f == "index.html" ? "" : f[..^"/index.html".Length])
            .Where(p => !listed.Contains(p))
            .Select(p => $"sitemap.xml does not list /{p}.");
    }

    /// <summary>Links that name a page rather than load something: canonical, language versions, feeds.</summary>
    [GeneratedRegex(@"\srel=""(?:canonical|alternate)""")]
    private static partial Regex NavigationLink();

    [GeneratedRegex(@"(?:url\(\s*['""]?|@import\s+['""])(?<url>[^'"")\s]+)")]
    private static partial Regex CssUrl();
}
