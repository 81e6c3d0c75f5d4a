namespace Smile.Content.Items;

public sealed class ContentNotFoundException : Exception
{
    public ContentNotFoundException(string what)
        : base($"{what} wurde nicht gefunden.")
    {
    }

    public ContentNotFoundException()
        : this("Der Inhalt")
    {
    }

    public ContentNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
