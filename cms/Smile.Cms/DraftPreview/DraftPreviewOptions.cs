namespace Smile.Cms.DraftPreview;

/// <summary>The <c>Smile:Preview</c> section: draft previews and the links editors share.</summary>
public sealed class DraftPreviewOptions
{
    public const string Section = "Smile:Preview";

    /// <summary>How long a shared preview link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The CMS's address for shared links (e.g. <c>https://cms.smile-rostock.de</c>); empty: links are paths.</summary>
    public string BaseUrl { get; set; } = "";
}
