namespace Smile.Operations;

/// <summary>
/// A backup or restore that was refused before anything was changed: a damaged or too new archive, a target
/// that is not empty, a database at another schema. The message names the problem for the operator.
/// </summary>
public sealed class OperationRefusedException(RefusalReason reason, string message) : Exception(message)
{
    public RefusalReason Reason { get; } = reason;
}

public enum RefusalReason
{
    /// <summary>The archive is unreadable, incomplete or a checksum does not match.</summary>
    DamagedArchive,

    /// <summary>The archive comes from a newer Smile or a schema this Smile does not know.</summary>
    NewerArchive,

    /// <summary>The target database holds content (and <c>--force</c> was not given), or its schema does not fit.</summary>
    TargetNotEmpty,

    /// <summary>The database is not in a state to back up or restore (not migrated, or migrated further than this Smile knows).</summary>
    DatabaseState,
}
