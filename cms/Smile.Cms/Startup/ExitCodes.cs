namespace Smile.Cms.Startup;

/// <summary>Process exit codes that mean something to a service manager.</summary>
public static class ExitCodes
{
    /// <summary>The database was migrated by a newer Smile; restarting will not help.</summary>
    public const int DatabaseNewerThanApplication = 3;
}
