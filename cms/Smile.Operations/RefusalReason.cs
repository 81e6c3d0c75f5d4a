namespace Smile.Operations;

/// <summary>Why a backup or restore was refused; the host maps each to an exit code.</summary>
public enum RefusalReason
{
    /// <summary>The archive is unreadable, incomplete or a checksum does not match.</summary>
    DamagedArchive,

    /// <summary>The archive comes from a newer Smile or a schema this Smile does not know.</summary>
    NewerArchive,

    /// <summary>The target database holds content and <c>--force</c> was not given.</summary>
    TargetNotEmpty,

    /// <summary>The database is not in a state for it: not migrated, migrated further than this Smile knows, or (forced) at another schema than the archive.</summary>
    DatabaseState,
}
