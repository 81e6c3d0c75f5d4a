using Smile.Operations;

namespace Smile.Cms.Commands;

/// <summary>Exit codes of <c>backup</c> and <c>restore</c>, for scripts that run them.</summary>
public static class OperatorExitCodes
{
    public const int Done = 0;

    /// <summary>The work failed on the way (the message says what and in which state it left things).</summary>
    public const int Failed = 1;

    public const int Usage = 2;

    /// <summary>The archive is damaged, incomplete or not a Smile backup.</summary>
    public const int DamagedArchive = 3;

    /// <summary>The archive is from a newer Smile or schema.</summary>
    public const int NewerArchive = 4;

    /// <summary>The target database holds content and <c>--force</c> was not given.</summary>
    public const int TargetNotEmpty = 5;

    /// <summary>The database or the CMS is not in a state for this (not migrated, another schema, the CMS running).</summary>
    public const int NotReady = 6;

    public static int For(RefusalReason reason) => reason switch
    {
        RefusalReason.DamagedArchive => DamagedArchive,
        RefusalReason.NewerArchive => NewerArchive,
        RefusalReason.TargetNotEmpty => TargetNotEmpty,
        _ => NotReady,
    };
}
