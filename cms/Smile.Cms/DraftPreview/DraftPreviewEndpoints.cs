using System.Net;
using Microsoft.AspNetCore.Identity;
using Smile.Api.GraphQL.Transport;
using Smile.Content.Security;
using Smile.Site;
using Smile.Site.Sources;

namespace Smile.Cms.DraftPreview;

/// <summary>
/// <c>GET /admin/preview/{itemId}</c> for signed-in editors who may preview drafts, and <c>GET /preview/{token}</c>
/// for a shared link. Neither is ever indexed or cached; a shared link's token never leaves in a Referer.
/// </summary>
public static class DraftPreviewEndpoints
{
    public static IEndpointRouteBuilder MapDraftPreview(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/preview/{itemId}", async (string itemId, HttpContext http, ICallerResolver callers, DraftPreviewService previews, CancellationToken cancellationToken) =>
        {
            NotForRobotsOrCaches(http.Response);
            var caller = await callers.ResolveAsync(http, cancellationToken);
            return caller.Kind switch
            {
                CallerKind.Anonymous => Results.Challenge(properties: null, authenticationSchemes: [IdentityConstants.ApplicationScheme]),
                CallerKind.Invalid => PreviewPages.Problem(HttpStatusCode.Unauthorized, "Nicht angemeldet", "Der API-Schlüssel ist ungültig."),
                _ when !caller.Actor.Has(Permission.PreviewDrafts) => PreviewPages.Problem(HttpStatusCode.Forbidden, "Keine Berechtigung", "Für die Vorschau von Entwürfen fehlt Ihnen die Berechtigung."),
                _ => await RenderAsync(previews, itemId, caller.Actor, cancellationToken),
            };
        });

        endpoints.MapGet("/preview/{token}", async (string token, HttpContext http, DraftPreviewService previews, CancellationToken cancellationToken) =>
        {
            NotForRobotsOrCaches(http.Response);
            var (check, reader) = previews.Open(token);
            return check.State switch
            {
                PreviewLinkState.Expired => PreviewPages.Problem(HttpStatusCode.Gone, "Vorschaulink abgelaufen", "Dieser Vorschaulink ist abgelaufen. Bitten Sie die Redaktion um einen neuen Link."),
                PreviewLinkState.Invalid => PreviewPages.Problem(HttpStatusCode.Forbidden, "Vorschaulink ungültig", "Dieser Vorschaulink ist ungültig: Er ist unvollständig oder wurde verändert."),
                _ => await RenderAsync(previews, check.ItemId!, reader!, cancellationToken),
            };
        });

        endpoints.MapGet("/assets/{**file}", (string file, HttpResponse response, DraftPreviewService previews) => ThemeAssets.Serve(response, previews.SiteOptions.ThemeFolder, "/assets/" + file));
        return endpoints;
    }

    private static async Task<IResult> RenderAsync(DraftPreviewService previews, string itemId, Actor actor, CancellationToken cancellationToken)
    {
        try
        {
            return await previews.RenderAsync(itemId, actor, cancellationToken) is { } page
                ? PreviewPages.Draft(page)
                : PreviewPages.Problem(HttpStatusCode.NotFound, "Keine Vorschau", "Zu diesem Inhalt gibt es keine Vorschau: Er existiert nicht, ist in keiner Sprache der Website oder hat keine eigene Seite.");
        }
        catch (PermissionDeniedException denied)
        {
            return PreviewPages.Problem(HttpStatusCode.Forbidden, "Keine Berechtigung", denied.Message);
        }
        catch (Exception failed) when (failed is SiteBuildException or ContentSourceException)
        {
            return PreviewPages.Problem(HttpStatusCode.UnprocessableEntity, "Vorschau nicht möglich", "Die Vorlage der Website kann diesen Entwurf nicht darstellen: " + failed.Message);
        }
    }

    private static void NotForRobotsOrCaches(HttpResponse response)
    {
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["X-Frame-Options"] = "DENY";
    }
}
