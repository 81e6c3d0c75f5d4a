using Smile.Operations.Archive;

namespace Smile.Operations.Restore;

/// <summary>What a restore wrote: the archive's manifest, the rows, the originals, and whether it replaced earlier content.</summary>
public sealed record RestoreResult(BackupManifest Manifest, long Rows, int MediaOriginals, bool ReplacedContent);
