using Microsoft.AspNetCore.StaticFiles;
using Smile.Site.Themes;

namespace Smile.Cms.DraftPreview;

/// <summary>
/// The theme's fingerprinted assets (<c>/assets/css/site.1a2b3c4d5e.css</c>) straight from the theme folder, so a
/// draft preview is styled even when this CMS does not build the public site. The fingerprint is the content's,
/// so they may be cached for good.
/// </summary>
public static class ThemeAssets
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IResult Serve(HttpResponse response, string themeFolder, string url)
    {
        if (Theme.FindAsset(themeFolder, url) is not { } file)
        {
            return Results.NotFound();
        }

        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.File(file, ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream");
    }
}
