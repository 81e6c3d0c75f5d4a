namespace Smile.Storage.Schema;

/// <summary>The database was migrated by a newer Smile than this one; starting on it could corrupt its data.</summary>
public sealed class DatabaseNewerThanApplicationException(string databaseVersion, string applicationVersion, IReadOnlyList<string> unknownMigrations)
    : Exception(
        $"The database schema is at {databaseVersion}, newer than this Smile build, whose newest schema is {applicationVersion}. " +
        $"It has {unknownMigrations.Count} migration(s) this build does not know ({string.Join(", ", unknownMigrations)}). " +
        "Nothing was changed. Start the Smile version that migrated the database, or restore a backup made before the upgrade.")
{
    /// <summary>The newest migration applied to the database.</summary>
    public string DatabaseVersion { get; } = databaseVersion;

    /// <summary>The newest migration this build has.</summary>
    public string ApplicationVersion { get; } = applicationVersion;

    public IReadOnlyList<string> UnknownMigrations { get; } = unknownMigrations;
}
