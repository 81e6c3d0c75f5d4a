namespace Smile.Operations.Restore;

/// <summary>The restore failed after it began writing; the message says in which state the database was left.</summary>
public sealed class RestoreFailedException(string message, Exception inner) : Exception(message, inner);
