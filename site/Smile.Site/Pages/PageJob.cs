using Smile.Site.Content;
using Smile.Site.Themes;

namespace Smile.Site.Pages;

/// <summary>One page to render: where it goes, with which layouts, and what it shows.</summary>
public sealed record PageJob
{
    public required string Path { get; init; }

    public required string Culture { get; init; }

    /// <summary><c>home</c>, <c>single</c>, <c>list</c> or <c>404</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Layouts to try, most specific first (without <c>layouts/</c> and <c>.liquid</c>).</summary>
    public required IReadOnlyList<string> Layouts { get; init; }

    public SiteItem? Item { get; init; }

    public SectionSettings? Section { get; init; }

    /// <summary>The slice of the section's items this page shows.</summary>
    public (int Skip, int Take)? Slice { get; init; }

    public int PageNumber { get; init; } = 1;

    public int PageCount { get; init; } = 1;

    public string? PreviousPath { get; init; }

    public string? NextPath { get; init; }

    /// <summary>The same page in the other cultures: culture to path.</summary>
    public IReadOnlyDictionary<string, string> Alternates { get; init; } = new Dictionary<string, string>();

    /// <summary>Items the page shows without a template reading them: its translations (for <c>hreflang</c>).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>The file under the output folder: <c>/aktuelles/x</c> becomes <c>aktuelles/x/index.html</c>.</summary>
    /// <remarks>Asked for many times per page and build: made once.</remarks>
    public string OutputFile => field ??= OutputFileOf(Path);

    public static string OutputFileOf(string path)
    {
        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? "index.html" : trimmed.EndsWith(".html", StringComparison.Ordinal) ? trimmed : trimmed + "/index.html";
    }
}
