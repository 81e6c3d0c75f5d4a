using Smile.Site.Content;
using Smile.Site.Themes;

namespace Smile.Site.Checks;

/// <summary>
/// Accessibility rules the build enforces on content before it renders anything: images need alternative text
/// unless decorative; videos with speech need captions, sign-language videos and videos without speech a
/// transcript or description; the accessibility statement must have every part the law asks for.
/// </summary>
public static class ContentChecks
{
    /// <param name="only">The ids of the items to check (those changed since a build that checked the rest); null for all.</param>
    public static void Verify(SiteContent content, Theme theme, string defaultCulture, IReadOnlySet<string>? only = null)
    {
        var problems = new List<string>();
        foreach (var item in content.Items.Where(i => only is null || only.Contains(i.Id)).OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            foreach (var (field, value) in item.Fields)
            {
                foreach (var image in Media(value).Where(m => string.IsNullOrWhiteSpace(m.GetValueOrDefault("alt") as string) && m.GetValueOrDefault("decorative") is not true))
                {
                    problems.Add($"{Name(item)}: the image in '{field}' ({image.GetValueOrDefault("mediaId")}) has no alternative text. Add one, or mark the image as decorative.");
                }
            }

            if (item.ContentType == "Video")
            {
                problems.AddRange(VideoProblems(item));
            }
        }

        if (theme.Settings.AccessibilityStatement is { } statement)
        {
            problems.AddRange(StatementProblems(content, statement, defaultCulture));
        }

        if (problems.Count > 0)
        {
            throw new SiteBuildException("The site is not built, because content breaks accessibility rules:\n- " + string.Join("\n- ", problems));
        }
    }

    private static IEnumerable<string> VideoProblems(SiteItem video)
    {
        var speech = video.Fields.GetValueOrDefault("speech") as string ?? "spoken";
        var hasCaptions = video.Fields.GetValueOrDefault("captions") is List<object?> { Count: > 0 } || video.Fields.GetValueOrDefault("captions") is Dictionary<string, object?>;
        var hasText = HasText(video.Fields.GetValueOrDefault("transcript")) || HasText(video.Fields.GetValueOrDefault("description"));
        if (speech == "spoken" && !hasCaptions)
        {
            yield return $"{Name(video)}: a video with speech needs captions (a WebVTT file). If it has no speech or is in sign language, say so in its 'speech' field.";
        }

        if (speech != "spoken" && !hasText)
        {
            yield return $"{Name(video)}: a video {(speech == "sign-language" ? "in sign language" : "without speech")} needs a transcript or a text description.";
        }
    }

    private static IEnumerable<string> StatementProblems(SiteContent content, StatementSettings settings, string culture)
    {
        if (content.Collection(settings.Type, culture) is not [var statement, ..])
        {
            yield return $"the site has no published accessibility statement ({settings.Type}, culture {culture}); every page must link to one.";
            yield break;
        }

        var missing = settings.RequiredFields.Where(f => !HasText(statement.Fields.GetValueOrDefault(f.Key))).Select(f => f.Value).ToList();
        if (missing.Count > 0)
        {
            yield return $"{Name(statement)}: the accessibility statement lacks {string.Join(", ", missing)}.";
        }
    }

    private static bool HasText(object? value) => value switch
    {
        string s => !string.IsNullOrWhiteSpace(s),
        Dictionary<string, object?> d => d.Values.Any(HasText),
        List<object?> list => list.Any(HasText),
        null => false,
        _ => true,
    };

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Media(object? value) => value switch
    {
        Dictionary<string, object?> d when d.ContainsKey("mediaId") => [d],
        List<object?> list => list.SelectMany(Media),
        _ => [],
    };

    private static string Name(SiteItem item) => $"{item.ContentType} '{item.Title}' ({item.Id})";
}
