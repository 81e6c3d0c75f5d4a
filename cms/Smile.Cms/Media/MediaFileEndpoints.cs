using Microsoft.Net.Http.Headers;
using Smile.Media.Derivatives;
using Smile.Media.Detection;
using Smile.Media.Stores;
using Smile.Storage.Media;

namespace Smile.Cms.Media;

/// <summary>
/// Media for readers: <c>/media/{id}/{width}.{webp|jpg|avif}</c> (derivatives, also <c>{width}x{height}</c>
/// cropped around the focal point) and <c>/media/{id}/original</c> (PDF, video, captions). Ids are content
/// hashes, so public answers are cacheable for a year.
/// </summary>
public static class MediaFileEndpoints
{
    private const string Immutable = "max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/{id}/original", (string id, HttpContext http, MediaCatalog catalog, MediaAccess access, IMediaStore store, CancellationToken cancellationToken) =>
            ServeOriginalAsync(id, null, http, catalog, access, store, cancellationToken));
        // With the extension, so a static host that copied the file serves it with the right type too.
        endpoints.MapGet("/media/{id}/original.{extension}", ServeOriginalAsync);
        endpoints.MapGet("/media/{id}/{name}", ServeDerivativeAsync);
        return endpoints;
    }

    private static async Task<IResult> ServeDerivativeAsync(string id, string name, HttpContext http, MediaCatalog catalog, MediaAccess access, DerivativeService derivatives, CancellationToken cancellationToken)
    {
        if (!MediaAccess.IsMediaId(id) || DerivativeRequest.Parse(name) is not { } request)
        {
            return NotFound(http);
        }

        var asset = await catalog.FindAsync(id, cancellationToken);
        if (asset?.Width is null)
        {
            return NotFound(http);
        }

        var visibility = await access.CheckAsync(http, id, cancellationToken);
        if (visibility == MediaAccess.Visibility.Hidden)
        {
            return NotFound(http);
        }

        var tag = new EntityTagHeaderValue($"\"{id[..16]}-{request.CacheName(asset.Width.Value)}\"");
        if (NotModified(http, tag, visibility) is { } notModified)
        {
            return notModified;
        }

        var stored = await derivatives.OpenAsync(asset, request, cancellationToken);
        return stored is null ? NotFound(http) : Serve(http, stored, request.Format.ContentType, tag, visibility, null);
    }

    private static async Task<IResult> ServeOriginalAsync(string id, string? extension, HttpContext http, MediaCatalog catalog, MediaAccess access, IMediaStore store, CancellationToken cancellationToken)
    {
        if (!MediaAccess.IsMediaId(id) || await catalog.FindAsync(id, cancellationToken) is not { } asset
            || (extension is not null && !string.Equals(Path.GetExtension(asset.FileName), "." + extension, StringComparison.OrdinalIgnoreCase)))
        {
            return NotFound(http);
        }

        var visibility = await access.CheckAsync(http, id, cancellationToken);
        // An image's original may carry EXIF and GPS: readers get derivatives, only editors the original.
        var isImage = MediaFormat.ByContentType(asset.ContentType)?.Kind == MediaKind.Image;
        if (visibility == MediaAccess.Visibility.Hidden || (isImage && !await access.IsEditorAsync(http, cancellationToken)))
        {
            return NotFound(http);
        }

        var tag = new EntityTagHeaderValue($"\"{id}\"");
        if (NotModified(http, tag, visibility) is { } notModified)
        {
            return notModified;
        }

        var stored = await store.OpenReadAsync(MediaKeys.Original(id), cancellationToken);
        var contentType = asset.ContentType == MediaFormat.WebVtt.ContentType ? "text/vtt; charset=utf-8" : asset.ContentType;
        return stored is null ? NotFound(http) : Serve(http, stored, contentType, tag, visibility, asset.FileName);
    }

    private static IResult? NotModified(HttpContext http, EntityTagHeaderValue tag, MediaAccess.Visibility visibility)
    {
        if (!http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == tag.Tag.Value)))
        {
            return null;
        }

        Headers(http, visibility);
        http.Response.Headers.ETag = tag.ToString();
        return Results.StatusCode(StatusCodes.Status304NotModified);
    }

    private static IResult Serve(HttpContext http, StoredObject stored, string contentType, EntityTagHeaderValue tag, MediaAccess.Visibility visibility, string? fileName)
    {
        http.Response.RegisterForDisposeAsync(stored);
        Headers(http, visibility);
        if (fileName is not null)
        {
            var disposition = new ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(fileName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
        }

        // Videos are watched in ranges; a stream from S3 cannot seek and is sent whole.
        return Results.Stream(stored.Content, contentType, entityTag: tag, enableRangeProcessing: stored.Content.CanSeek);
    }

    private static void Headers(HttpContext http, MediaAccess.Visibility visibility)
    {
        // What only editors may see must never land in a shared cache (a CDN in front of the CMS).
        http.Response.Headers.CacheControl = (visibility == MediaAccess.Visibility.Public ? "public, " : "private, ") + Immutable;
        http.Response.Headers.XContentTypeOptions = "nosniff";
    }

    private static IResult NotFound(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.NotFound();
    }
}
