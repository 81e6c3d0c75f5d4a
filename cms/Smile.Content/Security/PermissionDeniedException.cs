namespace Smile.Content.Security;

public sealed class PermissionDeniedException : Exception
{
    public PermissionDeniedException(string message)
        : base(message)
    {
    }

    public PermissionDeniedException()
        : this("Dafür fehlt die Berechtigung.")
    {
    }

    public PermissionDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
