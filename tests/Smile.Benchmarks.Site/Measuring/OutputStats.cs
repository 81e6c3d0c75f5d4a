namespace Smile.Benchmarks.Site.Measuring;

/// <summary>What a generator wrote, to show that both sites are of comparable size page by page.</summary>
internal sealed record OutputStats(int HtmlPages, double HtmlMiB, int Files, double TotalMiB, int NewsPages, double NewsKiB, int ListPages, double ListKiB, int TagPages, double TagKiB)
{
    /// <summary>News singles are <c>{news}/{slug}/index.html</c>; list pages the section and <c>{news}/seite/n</c>; tag pages <c>{tags}/{term}/index.html</c>.</summary>
    public static OutputStats Of(string folder, string news, string tags)
    {
        var all = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToList();
        var html = all.Where(f => f.Extension == ".html").ToList();
        var newsFolder = Path.Combine(folder, news);
        var singles = Directory.EnumerateDirectories(newsFolder).Where(d => Path.GetFileName(d) is not ("seite" or "page"))
            .Select(d => new FileInfo(Path.Combine(d, "index.html"))).Where(f => f.Exists).ToList();
        var lists = new[] { new FileInfo(Path.Combine(newsFolder, "index.html")) }
            .Concat(Directory.Exists(Path.Combine(newsFolder, "seite")) ? Directory.EnumerateDirectories(Path.Combine(newsFolder, "seite")).Select(d => new FileInfo(Path.Combine(d, "index.html"))) : [])
            .Where(f => f.Exists).ToList();
        var terms = Directory.Exists(Path.Combine(folder, tags))
            ? Directory.EnumerateDirectories(Path.Combine(folder, tags)).Select(d => new FileInfo(Path.Combine(d, "index.html"))).Where(f => f.Exists).ToList()
            : [];
        return new OutputStats(html.Count, MiB(html), all.Count, MiB(all), singles.Count, KiB(singles), lists.Count, KiB(lists), terms.Count, KiB(terms));
    }

    private static double MiB(IEnumerable<FileInfo> files) => files.Sum(f => f.Length) / 1048576.0;

    private static double KiB(List<FileInfo> files) => files.Count == 0 ? 0 : files.Average(f => f.Length) / 1024.0;
}
