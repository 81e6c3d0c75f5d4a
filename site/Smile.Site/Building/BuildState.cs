using System.Text.Json;
using Smile.Site.Content;

namespace Smile.Site.Building;

/// <summary>
/// What the last build knew, kept beside the output: the change-feed position, the hashes of templates and
/// files, each page's dependencies, the signatures of the collections pages looked at, and the content itself
/// (so an incremental build fetches only what changed).
/// </summary>
/// <remarks>
/// Content and page records are split into shards (by a stable hash of the item id or page file), each in a file of
/// its own named with the build that wrote it. A build writes only the shards whose items or pages changed, then the
/// manifest naming every current shard file, then removes the files no manifest names any more: a build killed
/// halfway leaves the last manifest and every file it names intact.
/// </remarks>
public sealed class BuildState
{
    private const int FormatVersion = 2;
    private const string ManifestFile = "manifest.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public int Version { get; set; } = FormatVersion;

    public required string Position { get; set; }

    /// <summary>The options a build can only continue from when they are the same (base URL, cultures, theme).</summary>
    public required string Setup { get; set; }

    /// <summary>The theme's fingerprint: when it and the change feed say nothing changed, there is nothing to do.</summary>
    public string Theme { get; set; } = "";

    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Signatures { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Files other than pages (feeds, sitemap, assets) by path, with the hash of their bytes.</summary>
    public Dictionary<string, string> Files { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The file of each content shard, by shard number.</summary>
    public string[] ContentShards { get; set; } = [];

    /// <summary>The file of each page-record shard, by shard number.</summary>
    public string[] PageShards { get; set; } = [];

    /// <summary>Every page of the last build by output file; kept in the page shards, not in the manifest.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Dictionary<string, PageRecord> Pages { get; set; } = new(StringComparer.Ordinal);

    public static async Task<(BuildState State, List<SiteItem> Items)?> LoadAsync(string folder, string setup, CancellationToken cancellationToken)
    {
        var manifest = Path.Combine(folder, ManifestFile);
        if (!File.Exists(manifest))
        {
            return null;
        }

        try
        {
            BuildState? state;
            await using (var manifestStream = File.OpenRead(manifest))
            {
                state = await JsonSerializer.DeserializeAsync<BuildState>(manifestStream, Json, cancellationToken);
            }

            if (state is null || state.Version != FormatVersion || state.Setup != setup
                || state.ContentShards.Length != StateShards.Count || state.PageShards.Length != StateShards.Count)
            {
                return null;
            }

            var items = new List<SiteItem>[StateShards.Count];
            var pages = new Dictionary<string, PageRecord>[StateShards.Count];
            var strings = new SharedStrings();
            await Parallel.ForAsync(0, StateShards.Count, cancellationToken, async (shard, ct) =>
            {
                items[shard] = await StateShards.ReadItemsAsync(Path.Combine(folder, state.ContentShards[shard]), strings, ct);
                pages[shard] = await StateShards.ReadPagesAsync(Path.Combine(folder, state.PageShards[shard]), ct);
            });
            foreach (var shard in pages)
            {
                foreach (var (file, record) in shard)
                {
                    state.Pages[file] = record;
                }
            }

            return (state, [.. items.SelectMany(i => i)]);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            // A damaged or incomplete state only costs a full build.
            return null;
        }
    }

    /// <summary>The content a state folder holds (for tools that look at a build's content on its own).</summary>
    public static async Task<List<SiteItem>> ReadItemsAsync(string folder, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(Path.Combine(folder, ManifestFile));
        var state = await JsonSerializer.DeserializeAsync<BuildState>(stream, Json, cancellationToken)
            ?? throw new JsonException($"{folder} holds no build state.");
        var items = new List<SiteItem>();
        foreach (var shard in state.ContentShards)
        {
            items.AddRange(await StateShards.ReadItemsAsync(Path.Combine(folder, shard), new SharedStrings(), cancellationToken));
        }

        return items;
    }

    /// <summary>
    /// Writes the shards that changed since <paramref name="previous"/> (all of them without one), then the manifest,
    /// then removes the shard files no longer named.
    /// </summary>
    /// <param name="changedItems">Ids of items added, changed or removed since <paramref name="previous"/>.</param>
    /// <param name="changedPages">Output files of pages rendered or removed since <paramref name="previous"/>.</param>
    public async Task SaveAsync(string folder, IReadOnlyCollection<SiteItem> items, BuildState? previous, IEnumerable<string> changedItems, IEnumerable<string> changedPages, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var build = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        var dirtyContent = Dirty(folder, previous?.ContentShards, changedItems);
        var dirtyPages = Dirty(folder, previous?.PageShards, changedPages);
        ContentShards = new string[StateShards.Count];
        PageShards = new string[StateShards.Count];
        for (var shard = 0; shard < StateShards.Count; shard++)
        {
            ContentShards[shard] = dirtyContent[shard] ? $"content-{shard:x2}-{build}.json" : previous!.ContentShards[shard];
            PageShards[shard] = dirtyPages[shard] ? $"pages-{shard:x2}-{build}.json" : previous!.PageShards[shard];
        }

        var itemsByShard = dirtyContent.Any(d => d) ? StateShards.Group(items, i => i.Id) : null;
        var pagesByShard = dirtyPages.Any(d => d) ? StateShards.Group(Pages, p => p.Key) : null;
        await Parallel.ForAsync(0, StateShards.Count, cancellationToken, async (shard, ct) =>
        {
            if (dirtyContent[shard])
            {
                await StateShards.WriteItemsAsync(Path.Combine(folder, ContentShards[shard]), itemsByShard![shard], ct);
            }

            if (dirtyPages[shard])
            {
                await StateShards.WritePagesAsync(Path.Combine(folder, PageShards[shard]), pagesByShard![shard], ct);
            }
        });

        var manifest = Path.Combine(folder, ManifestFile);
        await using (var stream = File.Create(manifest + ".tmp"))
        {
            await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
        }

        File.Move(manifest + ".tmp", manifest, overwrite: true);

        // Shards of earlier builds (and the single files of the first state format) are no longer read.
        var current = ContentShards.Concat(PageShards).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            var name = Path.GetFileName(file);
            if ((name.StartsWith("content", StringComparison.Ordinal) || name.StartsWith("pages-", StringComparison.Ordinal)) && !current.Contains(name))
            {
                File.Delete(file);
            }
        }
    }

    private static bool[] Dirty(string folder, string[]? previous, IEnumerable<string> changedKeys)
    {
        var dirty = new bool[StateShards.Count];
        if (previous is null || previous.Length != StateShards.Count)
        {
            Array.Fill(dirty, true);
            return dirty;
        }

        foreach (var key in changedKeys)
        {
            dirty[StateShards.Of(key)] = true;
        }

        // A state folder emptied by hand while a builder stayed alive: its shards are written again.
        for (var shard = 0; shard < dirty.Length; shard++)
        {
            dirty[shard] |= !File.Exists(Path.Combine(folder, previous[shard]));
        }

        return dirty;
    }
}

/// <summary>One page of the last build: its hash, the items and keys it read, the templates it used.</summary>
public sealed record PageRecord(string Hash, string[] Items, string[] Keys, string[] Templates);
