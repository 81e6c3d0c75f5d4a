using Ganss.Xss;
using Markdig;

namespace Smile.Content.Rendering;

/// <summary>
/// Turns editor Markdown and HTML into safe HTML. It runs once, when a version is saved, and the
/// result is stored with the version, so readers never pay for it.
/// </summary>
public sealed class MarkupRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseFootnotes()
        .UseAutoIdentifiers()
        .DisableHtml() // raw HTML in Markdown is not an editor feature; the Html field exists for that
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkupRenderer()
    {
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedSchemes.Add("tel");
        _sanitizer.AllowedAttributes.Add("id");
        _sanitizer.AllowedAttributes.Add("lang");
        // Embedded media and forms would load or send to third-party hosts from the public site.
        foreach (var tag in new[] { "iframe", "form", "input", "button", "textarea", "select", "video", "audio", "source", "object", "embed", "style" })
        {
            _sanitizer.AllowedTags.Remove(tag);
        }

        _sanitizer.AllowedAttributes.Remove("style");
    }

    public string RenderMarkdown(string markdown) => Sanitize(Markdown.ToHtml(markdown, Pipeline));

    public string Sanitize(string html) => _sanitizer.Sanitize(html).Trim();
}
