namespace Smile.Content.Querying;

/// <summary>Columns every item has, filterable and sortable without a field index.</summary>
public static class CommonField
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Slug = "slug";
    public const string Path = "path";
    public const string Culture = "culture";
    public const string ContentType = "contentType";
    public const string Owner = "owner";
    public const string CreatedAt = "createdAt";
    public const string ModifiedAt = "modifiedAt";
    public const string PublishedAt = "publishedAt";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Id, Title, Slug, Path, Culture, ContentType, Owner, CreatedAt, ModifiedAt, PublishedAt,
    };
}
