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

    /// <summary>The title's and the text's adjacent words as pairs: a phrase is looked up by its pairs (see <c>WordPairFilter</c>).</summary>
    public const string TitlePairs = "title.pairs";
    public const string TextPairs = "text.pairs";

    /// <summary>Facet values live in doc values as "value␟label", counted per segment without loading documents.</summary>
    public const string ContentTypeFacet = "facet.type";
    public const string DistrictFacet = "facet.district";
    public const string FieldOfActionFacet = "facet.fieldOfAction";

    public const char FacetSeparator = '\u001f';

    /// <summary>
    /// What a hit shows (id, type, title, path, the text its snippets come from) lives in binary doc values, read
    /// by position: loading stored fields decompressed half a block of other documents for every hit.
    /// </summary>
    public const string ShownId = "shown.id";
    public const string ShownContentType = "shown.type";
    public const string ShownTitle = "shown.title";
    public const string ShownPath = "shown.path";
    public const string ShownText = "shown.text";

    /// <summary>Snippets come from the beginning of longer texts (as Lucene's highlighter analysed only the first 50 K characters).</summary>
    public const int MaxShownText = 50 * 1024;

    public static bool IsPairs(string field) => field is TitlePairs or TextPairs;
}
