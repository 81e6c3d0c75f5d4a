using Lucene.Net.Util;

namespace Smile.Search.Analysis;

internal static class SearchVersion
{
    /// <summary>The analysis behaviour every index and query is built with; changing it means a rebuild.</summary>
    public const LuceneVersion Lucene = LuceneVersion.LUCENE_48;
}
