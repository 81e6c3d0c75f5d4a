using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Smile.Search.Analysis;

namespace Smile.Search.Indexing;

/// <summary>
/// One culture's index on disk: its only IndexWriter, a SearcherManager over it for near-real-time reads,
/// and the outbox position its last commit reflects. An index that cannot be read is deleted and made
/// anew (and the caller rebuilds it); nothing is ever served from a broken one.
/// </summary>
public sealed partial class CultureIndex : IDisposable
{
    public const string PositionKey = "smile.outbox.position";

    public const string FormatKey = "smile.index.format";

    /// <summary>
    /// What a document holds and how, kept with every commit: raise it whenever fields are added, dropped or
    /// stored differently, and an index written in another format is rebuilt on start. Indexes from before the
    /// marker are format 1; 2 keeps what hits show in doc values instead of stored fields; 3 adds the pairs of
    /// adjacent words that phrases are looked up by.
    /// </summary>
    public const string Format = "3";

    private const string Unmarked = "1";

    private readonly Lucene.Net.Store.Directory _directory;

    private CultureIndex(string culture, string folder, CultureAnalysis analysis, Lucene.Net.Store.Directory directory, IndexWriter writer, long? position, bool recreated)
    {
        Culture = culture;
        Folder = folder;
        Analysis = analysis;
        _directory = directory;
        Writer = writer;
        Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        CommittedPosition = position;
        Recreated = recreated;
    }

    public string Culture { get; }

    public string Folder { get; }

    public CultureAnalysis Analysis { get; }

    public IndexWriter Writer { get; }

    public SearcherManager Searchers { get; }

    /// <summary>The outbox position of the last commit; null for an index that never committed one.</summary>
    public long? CommittedPosition { get; private set; }

    /// <summary>Whether the index on disk was unreadable, or in another format, and has been replaced by an empty one.</summary>
    public bool Recreated { get; }

    public static CultureIndex Open(string folder, string culture, bool splitCompounds, ILogger logger)
    {
        var analysis = CultureAnalysis.For(culture, splitCompounds);
        System.IO.Directory.CreateDirectory(folder);
        var directory = FSDirectory.Open(folder);
        try
        {
            var (position, format) = ReadExisting(directory, analysis.Dictionary);
            if (format is not null && format != Format)
            {
                LogFormatChanged(logger, folder, format, Format);
                directory.Dispose();
                return Recreate(folder, culture, analysis);
            }

            return new CultureIndex(culture, folder, analysis, directory, CreateWriter(directory, analysis), position, recreated: false);
        }
        catch (LockObtainFailedException locked)
        {
            directory.Dispose();
            analysis.Dispose();
            throw new InvalidOperationException($"The search index in {folder} is open in another process (a running CMS on the same data folder?). Stop it first, or give this node its own Smile:Search:NodeName.", locked);
        }
        catch (Exception broken) when (broken is not OperationCanceledException and not OutOfMemoryException)
        {
            LogCorrupt(logger, folder, broken.GetType().Name + ": " + broken.Message, broken);
            directory.Dispose();
            return Recreate(folder, culture, analysis);
        }
    }

    /// <summary>Makes what was written visible to searches (without a commit).</summary>
    public void Refresh() => Searchers.MaybeRefresh();

    /// <summary>Makes what was written durable, labelled with the outbox position it reflects.</summary>
    public void Commit(long position)
    {
        Writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = position.ToString(CultureInfo.InvariantCulture), [FormatKey] = Format });
        Writer.Commit();
        CommittedPosition = position;
    }

    public void Dispose()
    {
        Searchers.Dispose();
        // A merge still running (after a rebuild) is given up rather than waited for: it only saves work per search,
        // and everything written is committed already, so stopping stays quick.
        Writer.Dispose(waitForMerges: false);
        _directory.Dispose();
        Analysis.Dispose();
    }

    /// <summary>An empty index in place of what was in the folder; the caller rebuilds it.</summary>
    private static CultureIndex Recreate(string folder, string culture, CultureAnalysis analysis)
    {
        System.IO.Directory.Delete(folder, recursive: true);
        System.IO.Directory.CreateDirectory(folder);
        var fresh = FSDirectory.Open(folder);
        return new CultureIndex(culture, folder, analysis, fresh, CreateWriter(fresh, analysis), position: null, recreated: true);
    }

    /// <summary>
    /// Opens every segment (which checks their headers and footers), reads the position and the format, and
    /// relearns the compound dictionary from an index in the current format. Both null when there is no index.
    /// </summary>
    private static (long? Position, string? Format) ReadExisting(Lucene.Net.Store.Directory directory, CompoundDictionary? dictionary)
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return (null, null);
        }

        using var reader = DirectoryReader.Open(directory);
        var data = reader.IndexCommit.UserData;
        var format = data.TryGetValue(FormatKey, out var marked) ? marked : Unmarked;
        if (format != Format)
        {
            return (null, format);
        }

        if (dictionary is not null)
        {
            foreach (var field in new[] { IndexFields.Title, IndexFields.Text })
            {
                var terms = MultiFields.GetTerms(reader, field)?.GetEnumerator();
                while (terms?.MoveNext() == true)
                {
                    dictionary.Learn(terms.Term.Utf8ToString());
                }
            }
        }

        var position = data.TryGetValue(PositionKey, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var committed)
            ? committed
            : (long?)null;
        return (position, format);
    }

    private static IndexWriter CreateWriter(Lucene.Net.Store.Directory directory, CultureAnalysis analysis) =>
        new(directory, new IndexWriterConfig(SearchVersion.Lucene, analysis.Indexing)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index {Folder} was written in format {Found}, this version writes format {Expected}; it is deleted and rebuilt from the database")]
    private static partial void LogFormatChanged(ILogger logger, string folder, string found, string expected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index {Folder} cannot be read ({Problem}); it is deleted and rebuilt from the database")]
    private static partial void LogCorrupt(ILogger logger, string folder, string problem, Exception exception);
}
