using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Smile.Content.Searching;
using Smile.Search.Indexing;

namespace Smile.Search.Querying;

/// <summary>
/// Counts facet values over every match, segment by segment from doc values: ordinals are counted in an
/// array and turned into strings once per segment, not once per hit. (Lucene.Net.Facet is not used.)
/// </summary>
internal sealed class FacetCounter : ICollector
{
    private static readonly (SearchFacet Facet, string Field)[] Facets =
    [
        (SearchFacet.ContentType, IndexFields.ContentTypeFacet),
        (SearchFacet.District, IndexFields.DistrictFacet),
        (SearchFacet.FieldOfAction, IndexFields.FieldOfActionFacet),
    ];

    private readonly Dictionary<string, int>[] _totals = [.. Facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[Facets.Length];

    /// <summary>
    /// A segment's ordinals where each document has at most one value (the content type always), read once into an
    /// array and kept while the segment lives: the doc values look each one up in the index file through a packed reader.
    /// </summary>
    private static readonly ConditionalWeakTable<object, int[]?[]> SingleOrdinals = [];

    private readonly int[]?[] _singleOrdinals = new int[]?[Facets.Length];
    private readonly int[][] _ordinalCounts = new int[Facets.Length][];

    /// <summary>The facets the segment has values of: a hit looks at those alone.</summary>
    private readonly int[] _present = new int[Facets.Length];
    private int _presentCount;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        var reader = context.AtomicReader;
        var singles = SingleOrdinals.GetValue(reader.CoreCacheKey, _ => ReadSingleOrdinals(reader));
        for (var i = 0; i < Facets.Length; i++)
        {
            var values = reader.GetSortedSetDocValues(Facets[i].Field);
            _values[i] = values;
            _singleOrdinals[i] = singles[i];
            _ordinalCounts[i] = values is null ? [] : new int[values.ValueCount];
        }

        _presentCount = 0;
        for (var i = 0; i < Facets.Length; i++)
        {
            if (_values[i] is not null)
            {
                _present[_presentCount++] = i;
            }
        }
    }

    private static int[]?[] ReadSingleOrdinals(AtomicReader reader) => [.. Facets.Select(facet =>
    {
        if (reader.GetSortedSetDocValues(facet.Field) is not { } values || DocValues.UnwrapSingleton(values) is not { } single)
        {
            return null;
        }

        var ordinals = new int[reader.MaxDoc];
        for (var doc = 0; doc < ordinals.Length; doc++)
        {
            ordinals[doc] = single.GetOrd(doc);
        }

        return ordinals;
    })];

    public void Collect(int doc)
    {
        for (var p = 0; p < _presentCount; p++)
        {
            var i = _present[p];
            if (_singleOrdinals[i] is { } single)
            {
                var ord = single[doc];
                if (ord >= 0)
                {
                    _ordinalCounts[i][ord]++;
                }

                continue;
            }

            var values = _values[i]!;
            values.SetDocument(doc);
            long ordinal;
            while ((ordinal = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _ordinalCounts[i][ordinal]++;
            }
        }
    }

    /// <summary>The counts, most frequent first, ties by label.</summary>
    public IReadOnlyDictionary<SearchFacet, IReadOnlyList<FacetCount>> Result() => Result([this]);

    /// <summary>The counts of several counters (each over some of the segments) added up.</summary>
    public static IReadOnlyDictionary<SearchFacet, IReadOnlyList<FacetCount>> Result(IReadOnlyList<FacetCounter> counters)
    {
        var result = new Dictionary<SearchFacet, IReadOnlyList<FacetCount>>();
        foreach (var counter in counters)
        {
            counter.FlushSegment();
        }

        for (var i = 0; i < Facets.Length; i++)
        {
            var totals = counters.Count == 1 ? counters[0]._totals[i] : counters
                .SelectMany(c => c._totals[i])
                .GroupBy(entry => entry.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(entry => entry.Value), StringComparer.Ordinal);
            result[Facets[i].Facet] = [.. totals
                .Select(entry => (Parts: entry.Key.Split(IndexFields.FacetSeparator, 2), Count: entry.Value))
                .Select(e => new FacetCount(e.Parts[0], e.Parts.Length > 1 ? e.Parts[1] : e.Parts[0], e.Count))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.Ordinal)];
        }

        return result;
    }

    private void FlushSegment()
    {
        _presentCount = 0;
        var text = new BytesRef();
        for (var i = 0; i < Facets.Length; i++)
        {
            if (_values[i] is not { } values)
            {
                continue;
            }

            var counts = _ordinalCounts[i];
            for (var ordinal = 0; ordinal < counts.Length; ordinal++)
            {
                if (counts[ordinal] > 0)
                {
                    values.LookupOrd(ordinal, text);
                    var key = text.Utf8ToString();
                    _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ordinal];
                }
            }

            _values[i] = null;
            _singleOrdinals[i] = null;
        }
    }
}
