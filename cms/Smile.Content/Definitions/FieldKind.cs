namespace Smile.Content.Definitions;

public enum FieldKind
{
    Text,
    Markdown,
    Html,
    Number,
    Boolean,
    Date,
    DateTime,
    Link,
    Enumeration,
    Media,
    ContentPicker,
    Taxonomy,
    GeoPoint,
}
