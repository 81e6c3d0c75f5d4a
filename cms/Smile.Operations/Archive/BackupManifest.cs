using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smile.Operations.Archive;

/// <summary>
/// <c>manifest.json</c>, the last entry of a backup archive: what wrote it, the schema it needs, what it holds
/// and the SHA-256 of every other entry.
/// </summary>
public sealed record BackupManifest
{
    public const string CurrentFormat = "smile-backup/1";

    public required string Format { get; init; }

    public required string SmileVersion { get; init; }

    /// <summary>The last EF migration applied to the database the backup was taken from (its id on that provider).</summary>
    public required string SchemaVersion { get; init; }

    public required string DatabaseProvider { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required BackupCounts Counts { get; init; }

    public required IReadOnlyList<TableEntry> Tables { get; init; }

    public required IReadOnlyList<MediaEntry> Media { get; init; }

    /// <summary>Media rows whose original the store no longer had when the backup read it (erased meanwhile, or lost before).</summary>
    public IReadOnlyList<string> MissingOriginals { get; init; } = [];

    /// <summary>Entry name to lower-case hex SHA-256 of its bytes, for every entry but the manifest.</summary>
    public required IReadOnlyDictionary<string, string> Checksums { get; init; }

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

public sealed record BackupCounts(long Items, long Versions, long Users, long AuditEntries, long MediaAssets, long OutboxPosition);

/// <summary>One table as JSON lines: every row an array of values in the order of <see cref="Columns"/>.</summary>
public sealed record TableEntry(string Name, string Entry, IReadOnlyList<string> Columns, long Rows);

public sealed record MediaEntry(string Id, string Key, string Entry, string ContentType, long Length);
