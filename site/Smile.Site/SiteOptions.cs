namespace Smile.Site;

/// <summary>What one build is asked to do.</summary>
public sealed record SiteOptions
{
    /// <summary>The folder the site is written to.</summary>
    public required string OutputFolder { get; init; }

    public required string ThemeFolder { get; init; }

    /// <summary>The public address, for canonical links, feeds and the sitemap.</summary>
    public string BaseUrl { get; init; } = "http://localhost:5000";

    /// <summary>The SensorThings API of the CMS the content comes from, for the open-data links of sensor pages; null leaves them out.</summary>
    public string? SensorThingsUrl { get; init; }

    /// <summary>The first is the default culture.</summary>
    public IReadOnlyList<string> Cultures { get; init; } = ["de", "en", "de-x-ls"];

    /// <summary>Where the manifest and the content of the last build are kept; defaults beside the output folder.</summary>
    public string? StateFolder { get; init; }

    /// <summary>Follow the change feed from the last build's position instead of fetching everything.</summary>
    public bool Incremental { get; init; } = true;

    /// <summary>Minify HTML after rendering.</summary>
    public bool Minify { get; init; } = true;

    /// <summary>What "upcoming" and "past" mean for events.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    public string State => StateFolder ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(OutputFolder).TrimEnd(Path.DirectorySeparatorChar))!, "." + Path.GetFileName(Path.GetFullPath(OutputFolder).TrimEnd(Path.DirectorySeparatorChar)) + "-state");
}
