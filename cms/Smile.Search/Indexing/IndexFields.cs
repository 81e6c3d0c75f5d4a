namespace Smile.Search.Indexing;

/// <summary>The field names of a search document.</summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string ContentType = "type";
    public const string Title = "title";
    public const string Text = "text";
    public const string Terms = "terms";
    public const string Path = "path";
    public const string PublishedAt = "publishedAt";
    public const string ModifiedAt = "modifiedAt";

    /// <summary>Facet values live in doc values as "value␟label", counted per segment without loading documents.</summary>
    public const string ContentTypeFacet = "facet.type";
    public const string DistrictFacet = "facet.district";
    public const string FieldOfActionFacet = "facet.fieldOfAction";

    public const char FacetSeparator = '\u001f';
}
