using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Searching;
using Smile.Search.Indexing;

namespace Smile.Search.Tests;

/// <summary>The indexes across restarts of the CMS: catching up, recovering from a broken index, rebuilding one of an earlier format.</summary>
public sealed class RestartTests(TestDatabases databases)
{
    [Fact]
    public async Task Restarting_catches_up_with_what_happened_while_stopped()
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite);
        using (var first = installation.Start())
        {
            Assert.Contains("project-dierkow-entsiegelung", await FindAsync(first, "Bewässerung"));
        }

        await using (var offline = new StoppedCms(installation.DataPath))
        {
            await offline.PublishAsync("news-nachtrag", "Nachtrag zum Stadtlabor", "Das Stadtlabor öffnet samstags für Laternenbastler.");
            await offline.UnpublishAsync("project-dierkow-entsiegelung");
        }

        using var second = installation.Start();

        Assert.Equal(["news-nachtrag"], await FindAsync(second, "Laternenbastler"));
        Assert.DoesNotContain("project-dierkow-entsiegelung", await FindAsync(second, "Bewässerung"));
        Assert.DoesNotContain(second.Logs.Records, r => r.Message.Contains("rebuilt from the database", StringComparison.Ordinal) && r.Category.Contains("SearchIndexer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corrupt_index_is_detected_logged_and_rebuilt()
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite);
        var folder = IndexFolderAfterFirstStart(installation);

        var german = Path.Combine(folder, "public", "de");
        foreach (var file in System.IO.Directory.GetFiles(german).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            Array.Fill(bytes, (byte)0x5a, 0, Math.Min(bytes.Length, 64));
            File.WriteAllBytes(file, bytes);
        }

        using var second = installation.Start();

        Assert.Contains(second.Logs.Records, r => r.Message.Contains("cannot be read", StringComparison.Ordinal) && r.Message.Contains(german, StringComparison.Ordinal));
        Assert.Equal("project-dierkow-entsiegelung", (await FindAsync(second, "Bewässerung"))[0]);
    }

    [Fact]
    public async Task An_index_written_in_an_earlier_format_is_logged_and_rebuilt_on_start()
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite);
        var folder = IndexFolderAfterFirstStart(installation);

        // As an index from before the format marker was committed: its position, and no format.
        var german = Path.Combine(folder, "public", "de");
        Assert.Equal(CultureIndex.Format, CommitData(german)[CultureIndex.FormatKey]);
        using (var directory = FSDirectory.Open(german))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48))))
        {
            writer.SetCommitData(new Dictionary<string, string> { [CultureIndex.PositionKey] = CommitData(german)[CultureIndex.PositionKey] });
            writer.Commit();
        }

        Assert.False(CommitData(german).ContainsKey(CultureIndex.FormatKey));

        using (var second = installation.Start())
        {
            Assert.Contains(second.Logs.Records, r => r.Message.Contains("written in format 1", StringComparison.Ordinal) && r.Message.Contains(german, StringComparison.Ordinal));
            Assert.Contains(second.Logs.Records, r => r.Message.Contains("rebuilt from the database", StringComparison.Ordinal) && r.Category.Contains("SearchIndexer", StringComparison.Ordinal));
            Assert.Equal("project-dierkow-entsiegelung", (await FindAsync(second, "Bewässerung"))[0]);
        }

        Assert.Equal(CultureIndex.Format, CommitData(german)[CultureIndex.FormatKey]);
    }

    [Fact]
    public async Task A_rebuild_indexes_every_version_however_many_pages_it_reads()
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite);
        var folder = IndexFolderAfterFirstStart(installation);
        // More than two pages of the rebuild (500 versions each), on top of the seed.
        const int Count = 1_150;
        await using (var offline = new StoppedCms(installation.DataPath))
        {
            await offline.PublishAllAsync(Enumerable.Range(0, Count).Select(i => ($"news-seite-{i:D4}", $"Seitenwechsel {i}", $"Meldung Nummer {i} mit dem Kennwort kennwort{i}x.")));
        }

        System.IO.Directory.Delete(folder, recursive: true);
        using var second = installation.Start();
        var all = await second.Services.GetRequiredService<IContentSearch>().SearchAsync(new SearchRequest { Query = "Seitenwechsel", Take = 1 });

        Assert.Equal(Count, all.TotalCount);
        Assert.Equal(["news-seite-0000"], await FindAsync(second, "kennwort0x"));
        Assert.Equal(["news-seite-1149"], await FindAsync(second, "kennwort1149x"));
        Assert.Equal("project-dierkow-entsiegelung", (await FindAsync(second, "Bewässerung"))[0]);
        // The rebuilt index is merged into one segment in the background, and that is committed too.
        var german = Path.Combine(folder, "public", "de");
        Assert.Equal(1, await Eventually.UntilAsync(() => Task.FromResult(CommittedSegments(german)), segments => segments == 1));
    }

    private static int CommittedSegments(string folder)
    {
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        return reader.Leaves.Count;
    }

    private static Dictionary<string, string> CommitData(string folder)
    {
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        return new Dictionary<string, string>(reader.IndexCommit.UserData);
    }

    private static async Task<IReadOnlyList<string>> FindAsync(CmsFactory cms, string query)
    {
        var result = await cms.Services.GetRequiredService<IContentSearch>().SearchAsync(new SearchRequest { Query = query });
        return [.. result.Hits.Select(h => h.ItemId)];
    }

    /// <summary>Starts the CMS once, so it builds its indexes, and stops it: the folder is then free to tamper with.</summary>
    private static string IndexFolderAfterFirstStart(CmsInstallation installation)
    {
        using var first = installation.Start();
        return first.Services.GetRequiredService<SearchIndexes>().Folder;
    }
}
