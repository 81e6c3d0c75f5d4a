using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Smile.Search.Indexing;

namespace Smile.Search.Querying;

/// <summary>Reads what a page's hits show from binary doc values: a lookup by position for each field, nothing decompressed.</summary>
internal sealed class ShownValues(IndexSearcher searcher)
{
    private readonly IList<AtomicReaderContext> _leaves = searcher.IndexReader.Leaves;
    private readonly BytesRef _bytes = new();

    public (string Id, string ContentType, string Title, string? Path, string Text) Read(int doc)
    {
        var leaf = _leaves[ReaderUtil.SubIndex(doc, _leaves)];
        var reader = leaf.AtomicReader;
        var local = doc - leaf.DocBase;
        return (
            Read(reader, IndexFields.ShownId, local) ?? "",
            Read(reader, IndexFields.ShownContentType, local) ?? "",
            Read(reader, IndexFields.ShownTitle, local) ?? "",
            Read(reader, IndexFields.ShownPath, local, reader.GetDocsWithField(IndexFields.ShownPath)),
            Read(reader, IndexFields.ShownText, local) ?? "");
    }

    /// <param name="present">For a field not every document has: which have it (a missing value reads as empty).</param>
    private string? Read(AtomicReader reader, string field, int doc, IBits? present = null)
    {
        if (reader.GetBinaryDocValues(field) is not { } values || (present is not null && !present.Get(doc)))
        {
            return null;
        }

        values.Get(doc, _bytes);
        // Straight from UTF-8 to the string: Lucene's own conversion goes through a char array of its own first.
        return System.Text.Encoding.UTF8.GetString(_bytes.Bytes, _bytes.Offset, _bytes.Length);
    }
}
