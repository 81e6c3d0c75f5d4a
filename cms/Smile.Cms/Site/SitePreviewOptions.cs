using Smile.Site;

namespace Smile.Cms.Site;

/// <summary>The <c>Smile:Site</c> section: the public site the CMS builds from its own content and serves at <c>/</c>.</summary>
public sealed class SitePreviewOptions
{
    public const string Section = "Smile:Site";

    /// <summary>Build the site on start and after every publish, and serve it at <c>/</c>.</summary>
    public bool Preview { get; set; } = true;

    /// <summary>The theme folder; relative paths are under the application folder.</summary>
    public string Theme { get; set; } = "themes/smile";

    /// <summary>The address the preview is reached at, for canonical links, feeds and the sitemap.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The cultures to build, the default first; empty means de, en and de-x-ls.</summary>
    /// <remarks>No default values here: configuration binding appends to a collection's defaults.</remarks>
    public List<string> Cultures { get; set; } = [];

    /// <summary>
    /// The Pagefind program for the site's search index (a published app has no <c>site/node_modules</c>); relative
    /// paths are under the application folder. Empty: <c>site/node_modules/.bin/pagefind</c> above the working folder.
    /// </summary>
    public string? Pagefind { get; set; }

    /// <summary>The Pagefind program as a full path, or null to look for it in <c>site/node_modules</c>.</summary>
    public string? PagefindPath => string.IsNullOrWhiteSpace(Pagefind) ? null : Path.GetFullPath(Pagefind, AppContext.BaseDirectory);

    /// <summary>How often the preview looks for published changes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The generator's options for this site: what the preview builds and a draft preview renders with.</summary>
    public SiteOptions ToSiteOptions(string outputFolder) => new()
    {
        OutputFolder = outputFolder,
        ThemeFolder = Path.GetFullPath(Theme, AppContext.BaseDirectory),
        BaseUrl = BaseUrl,
        SensorThingsUrl = BaseUrl.TrimEnd('/') + "/sta/v1.1",
        Cultures = Cultures.Count > 0 ? [.. Cultures.Distinct(StringComparer.Ordinal)] : ["de", "en", "de-x-ls"],
    };

    /// <summary>Where the built site is written: <c>site</c> under the data folder.</summary>
    public static string OutputFolderUnder(string dataPath, string contentRoot) => Path.Combine(Path.GetFullPath(dataPath, contentRoot), "site");
}
