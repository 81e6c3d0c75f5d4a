using System.Text.RegularExpressions;
using Smile.Site.Checks;

namespace Smile.Site.Tests;

/// <summary>The site serves the images its pages use itself: copied from the CMS into media/, each once.</summary>
public sealed partial class MediaCopyTests(TestDatabases databases)
{
    private const string Article = "news-hafensport-pause-hansesail";
    private const string ArticlePage = "aktuelles/hafensport-macht-pause-zur-hansesail/index.html";

    [Fact]
    public async Task The_images_a_page_uses_are_copied_into_the_site_once_and_the_page_links_only_to_them()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);

        var first = await site.BuildAsync();

        var html = site.Read(ArticlePage);
        var used = MediaUrl().Matches(html).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains(used, u => u.EndsWith("/960.webp", StringComparison.Ordinal));
        Assert.Contains(used, u => u.EndsWith("/1600.jpg", StringComparison.Ordinal));
        Assert.DoesNotContain("/1920.", html, StringComparison.Ordinal); // the illustration is 1600 pixels wide: nothing upscaled is offered
        Assert.All(used, url => Assert.True(site.Exists(url.TrimStart('/')), $"{url} is not in the site"));
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(site.Output, used.First(u => u.EndsWith(".webp", StringComparison.Ordinal)).TrimStart('/'))), 0, 4));
        Assert.Contains(used[0].TrimStart('/'), first.MediaCopied);
        Assert.Empty(OutputCheck.Run(site.Output));

        await site.EditAsync(Article, fields => fields["teaser"] = "HafenSport pausiert während der HanseSail.");
        var second = await site.BuildAsync();

        Assert.Contains(ArticlePage, second.FilesWritten);
        Assert.Empty(second.MediaCopied); // ids are content hashes: what is there is right, and is not fetched again
        Assert.Empty(OutputCheck.Run(site.Output));
    }

    [Fact]
    public async Task A_missing_media_file_fails_the_check()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        await site.BuildAsync();
        var copied = Directory.GetFiles(Path.Combine(site.Output, "media"), "*.webp", SearchOption.AllDirectories);
        Assert.NotEmpty(copied);

        var gone = "/" + Path.GetRelativePath(site.Output, copied[0]).Replace('\\', '/');
        Assert.Empty(OutputCheck.Run(site.Output));

        File.Delete(copied[0]);

        Assert.Contains(OutputCheck.Run(site.Output), p => p.Contains($"\"{gone}\" points to nothing in the site", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"/media/[0-9a-f]{64}/[0-9a-z.]+")]
    private static partial Regex MediaUrl();
}
