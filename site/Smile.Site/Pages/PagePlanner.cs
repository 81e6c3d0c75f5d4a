using Smile.Site.Content;
using Smile.Site.Themes;

namespace Smile.Site.Pages;

/// <summary>
/// Decides which pages the site has: a home per culture, the theme's list sections (paginated), a page per
/// item with a path, and the 404 page. Two pages at one path are a build error naming both.
/// </summary>
public static class PagePlanner
{
    public static IReadOnlyList<PageJob> Plan(SiteContent content, Theme theme, IReadOnlyList<string> cultures)
    {
        var jobs = new List<PageJob>();
        var defaultCulture = cultures[0];
        var activeCultures = cultures.Where(c => c == defaultCulture || content.Items.Any(i => i.Culture == c)).Where(theme.Settings.Cultures.ContainsKey).ToList();

        // A page the editors made at a culture's home path (the German page "Leichte Sprache" at /leichte-sprache)
        // is that culture's home; the theme's generated home steps aside.
        var itemFiles = content.Items.Where(i => i.Path is not null).Select(i => PageJob.OutputFileOf(i.Path!)).ToHashSet(StringComparer.Ordinal);
        foreach (var culture in activeCultures)
        {
            var settings = theme.Settings.Cultures[culture];
            if (!itemFiles.Contains(PageJob.OutputFileOf(settings.Home)))
            {
                jobs.Add(new PageJob
                {
                    Path = settings.Home,
                    Culture = culture,
                    Kind = "home",
                    Layouts = ["index"],
                    Alternates = activeCultures.ToDictionary(c => c, c => theme.Settings.Cultures[c].Home),
                });
            }

            foreach (var section in theme.Settings.Sections.Where(s => s.Paths.ContainsKey(culture)))
            {
                jobs.AddRange(SectionPages(content, theme, section, culture, activeCultures));
            }

            foreach (var item in content.Items.Where(i => i.Culture == culture && i.Path is not null).OrderBy(i => i.Path, StringComparer.Ordinal))
            {
                var type = item.ContentType.ToLowerInvariant();
                var slug = item.Fields.GetValueOrDefault("slug") as string;
                var (alternates, translations) = Alternates(item, content);
                jobs.Add(new PageJob
                {
                    Path = item.Path!,
                    Culture = culture,
                    Kind = "single",
                    Layouts = slug is null ? [$"{type}/single", "_default/single"] : [$"{type}/{slug}", $"{type}/single", "_default/single"],
                    Item = item,
                    Alternates = alternates,
                    DependsOn = translations,
                });
            }
        }

        jobs.Add(new PageJob { Path = "/404.html", Culture = defaultCulture, Kind = "404", Layouts = ["404"] });

        var clash = jobs.GroupBy(j => j.OutputFile, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new SiteBuildException($"Two pages would be written to '{clash.Key}': {string.Join(" and ", clash.Select(Describe))}. Give one of them another path.");
        }

        content.AddPages(jobs.Select(j => j.Path));
        return jobs;
    }

    private static IEnumerable<PageJob> SectionPages(SiteContent content, Theme theme, SectionSettings section, string culture, IReadOnlyList<string> cultures)
    {
        var path = section.Paths[culture];
        var alternates = cultures.Where(section.Paths.ContainsKey).ToDictionary(c => c, c => section.Paths[c]);
        var layouts = new[] { section.Template, "_default/list" };
        var count = section.Type is null ? 0 : content.Collection(section.Type, culture).Count;
        var pageSize = section.PageSize ?? Math.Max(count, 1);
        var pages = Math.Max(1, (count + pageSize - 1) / pageSize);
        var segment = theme.Translations[culture].GetValueOrDefault("pagination_segment", "page");
        string PathOf(int number) => number == 1 ? path : $"{path.TrimEnd('/')}/{segment}/{number}";

        for (var number = 1; number <= pages; number++)
        {
            yield return new PageJob
            {
                Path = PathOf(number),
                Culture = culture,
                Kind = "list",
                Layouts = layouts,
                Section = section,
                Slice = section.Type is null ? null : ((number - 1) * pageSize, pageSize),
                PageNumber = number,
                PageCount = pages,
                PreviousPath = number > 1 ? PathOf(number - 1) : null,
                NextPath = number < pages ? PathOf(number + 1) : null,
                Alternates = number == 1 ? alternates : new Dictionary<string, string>(),
            };
        }
    }

    private static (Dictionary<string, string> Alternates, List<string> Ids) Alternates(SiteItem item, SiteContent content)
    {
        var alternates = new Dictionary<string, string>(StringComparer.Ordinal) { [item.Culture] = item.Path! };
        var ids = new List<string>();
        if (item.Fields.GetValueOrDefault("localizations") is List<object?> localizations)
        {
            foreach (var localization in localizations.OfType<Dictionary<string, object?>>())
            {
                // Only translations the site has: published and in a culture it builds.
                if (localization.GetValueOrDefault("id") is string id)
                {
                    ids.Add(id);
                    if (content.TryGet(id, out var other) && other.Path is not null)
                    {
                        alternates[other.Culture] = other.Path;
                    }
                }
            }
        }

        return (alternates, ids);
    }

    private static string Describe(PageJob job) => job.Item is { } item ? $"the {item.ContentType} '{item.Title}' ({item.Id})" : $"the {job.Kind} page {job.Path}";
}
