namespace Smile.Operations.Archive;

/// <summary>Where things live inside a backup archive.</summary>
public static class ArchiveLayout
{
    public const string Manifest = "manifest.json";

    public static string Table(string table) => $"database/{table}.jsonl";

    public static string Media(string storeKey) => $"media/{storeKey}";
}
