namespace Smile.Site.Building;

/// <summary>What a build did, for the summary and for tests that assert exactly what changed.</summary>
public sealed record BuildReport
{
    public required bool Incremental { get; init; }

    /// <summary>Items read because the change feed named them, or all of them for a full build.</summary>
    public required int ItemsFetched { get; init; }

    /// <summary>Items of the theme's refresh types read again to look for new data (sensor readings).</summary>
    public int ItemsRefreshed { get; init; }

    public required int PagesPlanned { get; init; }

    public required int PagesRendered { get; init; }

    /// <summary>Files written because their bytes changed (or were new), relative to the output folder.</summary>
    public required IReadOnlyList<string> FilesWritten { get; init; }

    public required IReadOnlyList<string> FilesRemoved { get; init; }

    /// <summary>The layouts of the pages rendered, e.g. <c>layouts/newsarticle/single.liquid</c>.</summary>
    public required IReadOnlyList<string> LayoutsRendered { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public required TimeSpan Duration { get; init; }

    public int PagesWritten => FilesWritten.Count(f => f.EndsWith(".html", StringComparison.Ordinal));

    public int PagesUnchanged => PagesPlanned - PagesWritten;
}

/// <summary>Progress for a progress bar: which stage, how far.</summary>
public sealed record BuildProgress(string Stage, int Done, int Total);
