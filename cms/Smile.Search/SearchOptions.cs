namespace Smile.Search;

/// <summary>The <c>Smile:Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Smile:Search";

    /// <summary>
    /// This node's name: its indexes live in <c>search/&lt;node&gt;</c> under the data folder, so nodes that
    /// share a folder never share an index. Defaults to the machine name.
    /// </summary>
    public string? NodeName { get; set; }

    /// <summary>How often the outbox is read when nothing woke the indexer earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a search waits for its index to reach the content state of the request.</summary>
    public TimeSpan FreshnessWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long start-up waits for the first catch-up (or rebuild) before serving anyway.</summary>
    public TimeSpan StartupCatchUp { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Split German compounds with the dictionary learned from the indexed words.</summary>
    public bool SplitCompounds { get; set; } = true;

    public string FolderUnder(string dataPath) => Path.Combine(dataPath, "search", NodeNameOrMachine);

    /// <summary>This node's name: the setting, else the machine's name.</summary>
    public string NodeNameOrMachine => string.IsNullOrWhiteSpace(NodeName) ? Environment.MachineName : NodeName;
}
