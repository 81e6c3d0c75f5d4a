namespace Smile.Cms.FunctionalTests;

/// <summary>
/// Tests that scrape metrics run alone: each host's meters have the same names, and OpenTelemetry keeps the
/// first instrument of a name it sees in the process, so a host started by a parallel test would count for them.
/// In production one process is one host.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
