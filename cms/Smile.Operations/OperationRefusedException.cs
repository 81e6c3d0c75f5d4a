namespace Smile.Operations;

/// <summary>
/// A backup or restore that was refused before anything was changed: a damaged or too new archive, a target
/// that is not empty, a database at another schema. The message names the problem for the operator.
/// </summary>
public sealed class OperationRefusedException(RefusalReason reason, string message) : Exception(message)
{
    public RefusalReason Reason { get; } = reason;
}
