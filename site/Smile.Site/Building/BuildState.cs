using System.Text.Json;
using Smile.Site.Content;

namespace Smile.Site.Building;

/// <summary>
/// What the last build knew, kept beside the output: the change-feed position, the hashes of templates and
/// files, each page's dependencies, the signatures of the collections pages looked at, and the content itself
/// (so an incremental build fetches only what changed).
/// </summary>
public sealed class BuildState
{
    private const int FormatVersion = 1;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public int Version { get; set; } = FormatVersion;

    public required string Position { get; set; }

    /// <summary>The options a build can only continue from when they are the same (base URL, cultures, theme).</summary>
    public required string Setup { get; set; }

    /// <summary>The theme's fingerprint: when it and the change feed say nothing changed, there is nothing to do.</summary>
    public string Theme { get; set; } = "";

    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Signatures { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, PageRecord> Pages { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Files other than pages (feeds, sitemap, assets) by path, with the hash of their bytes.</summary>
    public Dictionary<string, string> Files { get; set; } = new(StringComparer.Ordinal);

    public static async Task<(BuildState State, List<SiteItem> Items)?> LoadAsync(string folder, string setup, CancellationToken cancellationToken)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        var content = Path.Combine(folder, "content.json");
        if (!File.Exists(manifest) || !File.Exists(content))
        {
            return null;
        }

        try
        {
            await using var manifestStream = File.OpenRead(manifest);
            var state = await JsonSerializer.DeserializeAsync<BuildState>(manifestStream, Json, cancellationToken);
            if (state is null || state.Version != FormatVersion || state.Setup != setup)
            {
                return null;
            }

            await using var contentStream = File.OpenRead(content);
            using var document = await JsonDocument.ParseAsync(contentStream, cancellationToken: cancellationToken);
            return (state, [.. document.RootElement.EnumerateArray().Select(SiteItem.Parse)]);
        }
        catch (JsonException)
        {
            // A damaged state only costs a full build.
            return null;
        }
    }

    public async Task SaveAsync(string folder, IEnumerable<SiteItem> items, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await using (var stream = File.Create(Path.Combine(folder, "content.json.tmp")))
        await using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                writer.WriteRawValue(item.Json, skipInputValidation: true);
            }

            writer.WriteEndArray();
        }

        await using (var stream = File.Create(Path.Combine(folder, "manifest.json.tmp")))
        {
            await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
        }

        // Content first, manifest last: a build killed in between finds an old manifest and does a full build.
        File.Move(Path.Combine(folder, "content.json.tmp"), Path.Combine(folder, "content.json"), overwrite: true);
        File.Move(Path.Combine(folder, "manifest.json.tmp"), Path.Combine(folder, "manifest.json"), overwrite: true);
    }
}

/// <summary>One page of the last build: its hash, the items and keys it read, the templates it used.</summary>
public sealed record PageRecord(string Hash, string[] Items, string[] Keys, string[] Templates);
