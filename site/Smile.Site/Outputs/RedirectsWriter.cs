using System.Text;
using Smile.Site.Content;

namespace Smile.Site.Outputs;

/// <summary>Netlify's <c>_redirects</c>: every path an item had before answers 301 to where it is now.</summary>
public static class RedirectsWriter
{
    public static GeneratedFile Write(SiteContent content)
    {
        var lines = new StringBuilder("# Old paths of items, to where they are now (written by the site build).\n");
        foreach (var item in content.Items.Where(i => i.Path is not null).OrderBy(i => i.Path, StringComparer.Ordinal))
        {
            if (item.Fields.GetValueOrDefault("previousPaths") is not List<object?> previous)
            {
                continue;
            }

            foreach (var old in previous.OfType<string>().Where(p => p != item.Path && !content.HasPage(p)).Order(StringComparer.Ordinal))
            {
                lines.Append(old).Append(' ').Append(item.Path).Append(" 301\n");
            }
        }

        return new GeneratedFile("_redirects", Encoding.UTF8.GetBytes(lines.ToString()));
    }
}
