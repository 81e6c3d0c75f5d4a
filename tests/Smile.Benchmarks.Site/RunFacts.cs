using Smile.Benchmarks.Site.Measuring;

namespace Smile.Benchmarks.Site;

/// <summary>Everything one benchmark run measured, for the report.</summary>
internal sealed class RunFacts
{
    public required DateTime StartedUtc { get; init; }

    public required BenchmarkOptions Options { get; init; }

    public TimeSpan Duration { get; set; }

    public required string LoadBefore { get; init; }

    public string Tree { get; init; } = "";

    public string LoadAfter { get; set; } = "";

    public double ImportSeconds { get; set; }

    public ProcessFigures? Record { get; set; }

    public double SnapshotMiB { get; set; }

    public OutputStats? SmileOutput { get; set; }

    public OutputStats? HugoOutput { get; set; }

    /// <summary>Hugo first: the baseline of every ratio.</summary>
    public List<Series> Main { get; } = [];

    public List<Series> Diagnostics { get; } = [];

    public Series? Pagefind { get; set; }

    public Series? ColdNoop { get; set; }

    public Series? ColdEdit { get; set; }

    public List<int> ColdPagesWritten { get; } = [];

    public Stages? WarmFirst { get; set; }

    public List<Stages> WarmNoop { get; } = [];

    public List<Stages> WarmEdit { get; } = [];

    public Stages? FullStages { get; set; }

    public Stages? FullStagesNoMinify { get; set; }

    /// <summary>Costs of single steps of the generator, measured by calling them alone.</summary>
    public List<string> Attribution { get; } = [];

    public List<string> Notes { get; } = [];
}
