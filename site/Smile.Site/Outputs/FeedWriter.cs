using System.Globalization;
using System.Text;
using System.Xml;
using Smile.Site.Content;
using Smile.Site.Themes;

namespace Smile.Site.Outputs;

/// <summary>RSS 2.0 and Atom feeds of the theme's feed type (news), per culture, newest first.</summary>
public static class FeedWriter
{
    private const int Entries = 50;
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static IEnumerable<GeneratedFile> Write(SiteContent content, Theme theme, IReadOnlyList<string> cultures, string baseUrl)
    {
        if (theme.Settings.FeedType is not { } type)
        {
            yield break;
        }

        var root = baseUrl.TrimEnd('/');
        foreach (var culture in cultures.Where(theme.Settings.Cultures.ContainsKey))
        {
            var items = content.Collection(type, culture).Where(i => i.Path is not null)
                .OrderByDescending(i => i.PublishedAt ?? i.ModifiedAt).ThenBy(i => i.Id, StringComparer.Ordinal).Take(Entries).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            var settings = theme.Settings.Cultures[culture];
            var home = settings.Home.TrimEnd('/');
            yield return new GeneratedFile($"{home.TrimStart('/')}/rss.xml".TrimStart('/'), Rss(items, settings.SiteTitle, culture, root, root + home + "/rss.xml", root + settings.Home));
            yield return new GeneratedFile($"{home.TrimStart('/')}/atom.xml".TrimStart('/'), Atom(items, settings.SiteTitle, root, root + home + "/atom.xml", root + settings.Home));
        }
    }

    private static byte[] Rss(List<SiteItem> items, string title, string culture, string root, string self, string home)
    {
        return Xml(xml =>
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", title);
            xml.WriteElementString("link", home);
            xml.WriteElementString("description", title);
            xml.WriteElementString("language", culture);
            xml.WriteStartElement("atom", "link", AtomNamespace);
            xml.WriteAttributeString("href", self);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var item in items)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.Title);
                xml.WriteElementString("link", root + item.Path);
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(item.Id);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", (item.PublishedAt ?? item.ModifiedAt).ToString("r", CultureInfo.InvariantCulture));
                xml.WriteElementString("description", Summary(item));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }

    private static byte[] Atom(List<SiteItem> items, string title, string root, string self, string home)
    {
        return Xml(xml =>
        {
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, self);
            xml.WriteElementString("title", AtomNamespace, title);
            xml.WriteElementString("updated", AtomNamespace, Stamp(items.Max(i => i.ModifiedAt)));
            Link(xml, self, "self");
            Link(xml, home, "alternate");
            foreach (var item in items)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, root + item.Path);
                xml.WriteElementString("title", AtomNamespace, item.Title);
                xml.WriteElementString("published", AtomNamespace, Stamp(item.PublishedAt ?? item.ModifiedAt));
                xml.WriteElementString("updated", AtomNamespace, Stamp(item.ModifiedAt));
                Link(xml, root + item.Path, "alternate");
                xml.WriteStartElement("author", AtomNamespace);
                xml.WriteElementString("name", AtomNamespace, title);
                xml.WriteEndElement();
                xml.WriteElementString("summary", AtomNamespace, Summary(item));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("rel", rel);
        xml.WriteEndElement();
    }

    private static string Summary(SiteItem item) =>
        item.Fields.GetValueOrDefault("teaser") as string ?? item.Fields.GetValueOrDefault("summary") as string ?? item.Title;

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static byte[] Xml(Action<XmlWriter> write)
    {
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            write(xml);
        }

        return buffer.ToArray();
    }
}
