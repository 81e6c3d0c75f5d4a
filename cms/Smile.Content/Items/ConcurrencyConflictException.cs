namespace Smile.Content.Items;

/// <summary>An edit was based on a version that is no longer the latest. Nothing was written.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string itemId, int basedOnVersion, int latestVersion)
        : base($"Inhalt {itemId}: Ihre Änderung beruht auf Version {basedOnVersion}, inzwischen ist Version {latestVersion} die neueste. Nichts wurde überschrieben.")
    {
        ItemId = itemId;
        BasedOnVersion = basedOnVersion;
        LatestVersion = latestVersion;
    }

    public ConcurrencyConflictException()
        : this("", 0, 0)
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
        ItemId = "";
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        ItemId = "";
    }

    public string ItemId { get; }

    public int BasedOnVersion { get; }

    public int LatestVersion { get; }
}
