namespace Smile.Media;

/// <summary>An upload refused for a reason the editor can act on; the message is German and names the problem.</summary>
public sealed class MediaUploadException : Exception
{
    public MediaUploadException(string message)
        : base(message)
    {
    }

    public MediaUploadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MediaUploadException()
    {
    }
}
