using Microsoft.AspNetCore.Http;

namespace Smile.Admin.Security;

/// <summary>
/// A strict policy for every admin response: scripts and styles only from the CMS itself, no inline code,
/// no framing, forms post only back here. Pages carry editors' drafts, so nothing is cached.
/// </summary>
public static class AdminHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static Task Apply(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments(AdminSetup.AssetsPath))
        {
            // The same values anti-forgery sets on pages with forms, so it need not override them.
            headers.CacheControl = "no-cache, no-store";
            headers.Pragma = "no-cache";
        }

        return next();
    }
}
