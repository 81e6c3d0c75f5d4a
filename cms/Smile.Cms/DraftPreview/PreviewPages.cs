using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Smile.Site.Previewing;

namespace Smile.Cms.DraftPreview;

/// <summary>The HTML a preview answers with: the draft's page with a banner that says what it is, or a short German explanation.</summary>
public static partial class PreviewPages
{
    public const string BannerText = "Vorschau – nicht veröffentlicht";

    // Dark on light yellow (contrast above 12:1), a labelled region so screen readers list it with the page's landmarks.
    private const string Banner = """<div class="smile-preview-banner" role="region" aria-label="Vorschau" style="background:#fff3b0;color:#1a1a1a;border-bottom:3px solid #1a1a1a;padding:.75rem 1rem;font:1rem/1.4 system-ui,sans-serif;text-align:center"><p style="margin:0"><strong>""" + BannerText + """</strong> · So wird diese Seite nach der Veröffentlichung aussehen.</p></div>""";

    // Letters such as ü stay letters; only what HTML needs escaped is.
    private static readonly HtmlEncoder Text = HtmlEncoder.Create(UnicodeRanges.All);

    private const string NoIndex = """<meta name="robots" content="noindex, nofollow">""";

    public static IResult Draft(DraftPage page)
    {
        var html = HeadStart().Replace(page.Html, match => match.Value + NoIndex, 1);
        html = BodyStart().Replace(html, match => match.Value + Banner, 1);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    public static IResult Problem(HttpStatusCode status, string title, string message) => Results.Content(
        $"""
        <!doctype html>
        <html lang="de">
        <head><meta charset="utf-8">{NoIndex}<meta name="viewport" content="width=device-width, initial-scale=1"><title>{Text.Encode(title)} – Smile</title></head>
        <body style="font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:40rem;margin:2rem auto;padding:0 1rem">
        <main><h1>{Text.Encode(title)}</h1><p>{Text.Encode(message)}</p></main>
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        statusCode: (int)status);

    [GeneratedRegex("<head[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HeadStart();

    [GeneratedRegex("<body[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyStart();
}
