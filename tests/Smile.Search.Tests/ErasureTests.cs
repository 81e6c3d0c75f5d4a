using System.Text;
using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Content.Security;

namespace Smile.Search.Tests;

/// <summary>An item purged for good (GDPR erasure) leaves both search indexes: the results and the files on disk.</summary>
public sealed class ErasureTests(SearchCms cms) : IClassFixture<SearchCms>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_purged_item_leaves_no_word_behind_in_the_index_files(string provider)
    {
        var seeded = await cms.GetAsync(provider);
        var id = "news-erasure-" + provider.ToLowerInvariant();
        const string word = "Quappenzüchterin";
        // Indexed in one batch with a neighbour that stays, so the purged document shares its segment with a live one.
        await seeded.Content.RunAsync(Actor.System, async e =>
        {
            await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Interview mit der " + word, Fields = new JsonObject { ["teaser"] = "Die " + word + " aus Gehlsdorf erzählt." } }, id: id);
            await e.PublishAsync(id);
            await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Hafenfest in Gehlsdorf", Fields = new JsonObject { ["teaser"] = "Musik am Wasser." } }, id: id + "-neighbour");
            await e.PublishAsync(id + "-neighbour");
        });
        Assert.Equal([id], await seeded.FindAsync(word));
        Assert.Equal([id], await seeded.FindAsync(word, preview: true));
        Assert.NotEmpty(FilesContaining(seeded, word));

        await seeded.Content.RunAsync(Actor.System, async e =>
        {
            await e.DeleteAsync(id);
            await e.PurgeAsync(id);
        });

        Assert.Empty(await seeded.FindAsync(word));
        Assert.Empty(await seeded.FindAsync(word, preview: true));
        // Files of replaced segments go once no searcher holds them any more.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (FilesContaining(seeded, word).Count > 0 && DateTime.UtcNow < deadline)
        {
            await seeded.FindAsync("Rostock");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Empty(FilesContaining(seeded, word));
        Assert.Equal([id + "-neighbour"], await seeded.FindAsync("Gehlsdorf"));
    }

    private static List<string> FilesContaining(SearchCms.Prepared seeded, string word)
    {
        var needles = new[] { word, word.ToLowerInvariant() }.Select(Encoding.UTF8.GetBytes).ToList();
        return [.. Directory.EnumerateFiles(Path.Combine(seeded.Cms.Installation.DataPath, "search"), "*", SearchOption.AllDirectories)
            .Where(file =>
            {
                try
                {
                    var bytes = File.ReadAllBytes(file); // the lock file of the running node is not readable, and holds no words
                    return needles.Any(n => bytes.AsSpan().IndexOf(n) >= 0);
                }
                catch (IOException)
                {
                    return false;
                }
            })];
    }
}
