namespace Smile.Content.Events;

public enum ContentEventKind
{
    Created,
    Saved,
    Published,
    Unpublished,
    Deleted,
    Restored,
    Purged,
    SlugChanged,
    MediaChanged,
    ContentTypeChanged,
}
