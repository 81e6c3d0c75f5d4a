using System.Globalization;
using System.Text;
using System.Xml;
using Smile.Site.Pages;

namespace Smile.Site.Outputs;

/// <summary><c>sitemap.xml</c> with every page (and its language versions), and <c>robots.txt</c> pointing to it.</summary>
public static class SitemapWriter
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static IEnumerable<GeneratedFile> Write(IReadOnlyList<PageJob> pages, string baseUrl)
    {
        var root = baseUrl.TrimEnd('/');
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var page in pages.Where(p => p.Kind != "404").OrderBy(p => p.Path, StringComparer.Ordinal))
            {
                xml.WriteStartElement("url", SitemapNamespace);
                xml.WriteElementString("loc", SitemapNamespace, root + page.Path);
                if (page.Item is { } item)
                {
                    xml.WriteElementString("lastmod", SitemapNamespace, item.ModifiedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                foreach (var (culture, path) in page.Alternates.Where(_ => page.Alternates.Count > 1).OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
                    xml.WriteAttributeString("rel", "alternate");
                    xml.WriteAttributeString("hreflang", culture);
                    xml.WriteAttributeString("href", root + path);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        yield return new GeneratedFile("sitemap.xml", buffer.ToArray());
        yield return new GeneratedFile("robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\n\nSitemap: {root}/sitemap.xml\n"));
    }
}
