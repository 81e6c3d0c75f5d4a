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

    /// <summary>How often the preview looks for published changes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}
