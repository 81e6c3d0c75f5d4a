using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Smile.Benchmarks.Site.Corpus;

/// <summary>
/// The corpus as a Hugo site: Markdown files with front matter (title, slug, date, tags, teaser) under
/// <c>content/aktuelles</c>, the config and templates from this project's <c>hugo/</c> folder, and the Smile
/// theme's stylesheet and script as static files.
/// </summary>
internal static class HugoSite
{
    private static readonly JsonSerializerOptions Quoted = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(NewsCorpus corpus, string folder, string smileTheme)
    {
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "hugo"), folder);
        var news = Path.Combine(folder, "content", "aktuelles");
        Directory.CreateDirectory(news);
        File.WriteAllText(Path.Combine(news, "_index.md"), "---\ntitle: \"Aktuelles\"\n---\n");
        foreach (var item in corpus.Items)
        {
            var text = new StringBuilder()
                .Append("---\n")
                .Append("title: ").Append(Yaml(item.Title)).Append('\n')
                .Append("slug: ").Append(Yaml(item.Slug)).Append('\n')
                .Append("date: ").Append(item.PublishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n')
                .Append("teaser: ").Append(Yaml(item.Teaser)).Append('\n')
                .Append("themen: [").AppendJoin(", ", item.Tags.Select(t => Yaml(corpus.Tags[t].Title))).Append("]\n")
                .Append("---\n\n")
                .Append(item.Body);
            File.WriteAllText(Path.Combine(news, item.Slug + ".md"), text.ToString());
        }

        foreach (var asset in new[] { "css/site.css", "js/site.js" })
        {
            var target = Path.Combine(folder, "static", asset);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(smileTheme, "assets", asset), target, overwrite: true);
        }
    }

    private static string Yaml(string value) => JsonSerializer.Serialize(value, Quoted); // a JSON string is a YAML double-quoted scalar

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
