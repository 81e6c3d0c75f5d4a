using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Searching;
using Smile.Search.Indexing;

namespace Smile.Search.Tests;

/// <summary>The indexes across restarts of the CMS: catching up, and recovering from a broken index.</summary>
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
        string folder;
        using (var first = installation.Start())
        {
            folder = first.Services.GetRequiredService<SearchIndexes>().Folder;
        }

        var german = Path.Combine(folder, "public", "de");
        foreach (var file in Directory.GetFiles(german).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            Array.Fill(bytes, (byte)0x5a, 0, Math.Min(bytes.Length, 64));
            File.WriteAllBytes(file, bytes);
        }

        using var second = installation.Start();

        Assert.Contains(second.Logs.Records, r => r.Message.Contains("cannot be read", StringComparison.Ordinal) && r.Message.Contains(german, StringComparison.Ordinal));
        Assert.Equal("project-dierkow-entsiegelung", (await FindAsync(second, "Bewässerung"))[0]);
    }

    private static async Task<IReadOnlyList<string>> FindAsync(CmsFactory cms, string query)
    {
        var result = await cms.Services.GetRequiredService<IContentSearch>().SearchAsync(new SearchRequest { Query = query });
        return [.. result.Hits.Select(h => h.ItemId)];
    }
}
