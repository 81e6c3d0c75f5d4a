namespace Smile.Media.Detection;

public enum MediaKind
{
    Image,
    Document,
    Video,
    Captions,
}
