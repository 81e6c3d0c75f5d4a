using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Smile.Api.GraphQL.Transport;
using Smile.Content.Security;
using Smile.Media;
using Smile.Media.Library;
using Smile.Storage.Media;

namespace Smile.Cms.Media;

/// <summary>
/// The media library for the admin UI and API clients under <c>/api/media</c>: upload (multipart, field
/// <c>file</c>), list, focal point. Callers need <see cref="Permission.ManageMedia"/>; cookie callers also prove
/// the request is the CMS's own (an anti-forgery token, or the <see cref="CsrfHeader"/> header that a foreign
/// site cannot send without a CORS preflight the CMS never grants).
/// </summary>
public static class MediaLibraryEndpoints
{
    public const string CsrfHeader = "X-Smile-Csrf";

    public sealed record MediaInfo(string MediaId, string FileName, string ContentType, long Length, int? Width, int? Height, double? FocalX, double? FocalY, string? AltSuggestion, DateTime UploadedAt, string? Notice = null);

    public sealed record FocalPoint(double X, double Y);

    public static IEndpointRouteBuilder MapMediaLibrary(this IEndpointRouteBuilder endpoints)
    {
        var media = endpoints.MapGroup("/api/media");
        media.MapPost("", UploadAsync);
        media.MapGet("", ListAsync);
        media.MapPut("/{id}/focal-point", SetFocalPointAsync);
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(HttpContext http, ICallerResolver callers, MediaLibrary library, IOptions<MediaOptions> options, CancellationToken cancellationToken)
    {
        var (actor, refusal) = await AuthorizeAsync(http, callers, cancellationToken);
        if (actor is null)
        {
            return refusal!;
        }

        var limit = options.Value.MaxUploadBytes + (1024 * 1024); // the form's own bytes on top of the file
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (!http.Request.HasFormContentType)
        {
            return Problem(StatusCodes.Status400BadRequest, "Erwartet wird ein Formular (multipart/form-data) mit der Datei im Feld „file“.");
        }

        IFormCollection form;
        try
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"Die Datei ist größer als die erlaubten {options.Value.MaxUploadBytes / (1024 * 1024)} MB.");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Problem(StatusCodes.Status400BadRequest, "Das Formular enthält keine Datei im Feld „file“.");
        }

        try
        {
            await using var content = file.OpenReadStream();
            var result = await library.UploadAsync(content, file.FileName, actor, cancellationToken);
            var info = Info(result.Asset) with { Notice = result.Notice };
            return result.Created ? Results.Created($"/api/media/{info.MediaId}", info) : Results.Ok(info);
        }
        catch (MediaUploadException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private static async Task<IResult> ListAsync(HttpContext http, ICallerResolver callers, MediaCatalog catalog, int? skip, int? take, CancellationToken cancellationToken)
    {
        var (actor, refusal) = await AuthorizeAsync(http, callers, cancellationToken, requireCsrf: false);
        if (actor is null)
        {
            return refusal!;
        }

        var rows = await catalog.ListAsync(Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, 200), cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(rows.Select(r => Info(r)));
    }

    private static async Task<IResult> SetFocalPointAsync(string id, FocalPoint point, HttpContext http, ICallerResolver callers, MediaLibrary library, CancellationToken cancellationToken)
    {
        var (actor, refusal) = await AuthorizeAsync(http, callers, cancellationToken);
        if (actor is null)
        {
            return refusal!;
        }

        try
        {
            return Results.Ok(Info(await library.SetFocalPointAsync(id, point.X, point.Y, actor, cancellationToken)));
        }
        catch (MediaUploadException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private static async Task<(Actor? Actor, IResult? Refusal)> AuthorizeAsync(HttpContext http, ICallerResolver callers, CancellationToken cancellationToken, bool requireCsrf = true)
    {
        var caller = await callers.ResolveAsync(http, cancellationToken);
        switch (caller.Kind)
        {
            case CallerKind.Anonymous:
                return (null, Problem(StatusCodes.Status401Unauthorized, "Bitte melden Sie sich an (oder senden Sie einen API-Schlüssel), um Medien zu verwalten."));
            case CallerKind.Invalid:
                return (null, Problem(StatusCodes.Status401Unauthorized, "Der API-Schlüssel ist unbekannt oder widerrufen."));
        }

        if (!caller.Actor.Has(Permission.ManageMedia))
        {
            return (null, Problem(StatusCodes.Status403Forbidden, "Dafür fehlt die Berechtigung „Medien verwalten“ (ManageMedia)."));
        }

        if (requireCsrf && caller.Kind == CallerKind.Cookie && !await IsOwnRequestAsync(http))
        {
            return (null, Problem(StatusCodes.Status403Forbidden, $"Anfragen mit Anmelde-Cookie brauchen ein Anti-Forgery-Token oder den Header „{CsrfHeader}: 1“."));
        }

        return (caller.Actor, null);
    }

    private static async Task<bool> IsOwnRequestAsync(HttpContext http)
    {
        if (http.Request.Headers.ContainsKey(CsrfHeader))
        {
            return true;
        }

        return http.RequestServices.GetService<IAntiforgery>() is { } antiforgery && await antiforgery.IsRequestValidAsync(http);
    }

    private static MediaInfo Info(MediaAssetRow row) =>
        new(row.Id, row.FileName, row.ContentType, row.Length, row.Width, row.Height, row.FocalX, row.FocalY, row.AltSuggestion, row.UploadedAt);

    private static IResult Problem(int status, string message) => Results.Json(new { error = new { code = status, message } }, statusCode: status);
}
