using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.WebEncoders;
using Smile.Admin.Dashboard;
using Smile.Admin.Forms;
using Smile.Admin.History;
using Smile.Admin.Listing;
using Smile.Admin.Localization;
using Smile.Admin.Media;
using Smile.Admin.Security;

namespace Smile.Admin;

/// <summary>The admin's one wiring point: <c>services.AddSmileAdmin()</c> and <c>app.MapSmileAdmin()</c>.</summary>
public static class AdminSetup
{
    public const string BasePath = "/admin";
    public const string AssetsPath = "/admin/assets";

    public static IServiceCollection AddSmileAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddRazorPages(options =>
            {
                // Every page of this library lives under /admin, in lower case; pages are closed unless they say otherwise.
                options.Conventions.AddFolderRouteModelConvention("/", model =>
                {
                    foreach (var selector in model.Selectors)
                    {
                        if (selector.AttributeRouteModel is { } route)
                        {
                            route.Template = ("admin/" + (route.Template ?? "").TrimStart('~', '/')).TrimEnd('/').ToLowerInvariant();
                        }
                    }
                });
                options.Conventions.AuthorizeFolder("/", AdminPolicies.Editors);
                options.Conventions.AllowAnonymousToPage("/Login");
                options.Conventions.AllowAnonymousToPage("/Logout");
                options.Conventions.AllowAnonymousToPage("/Denied");
                options.Conventions.AuthorizeFolder("/Audit", AdminPolicies.AuditTrail);
                options.Conventions.AuthorizeFolder("/Users", AdminPolicies.Accounts);
                options.Conventions.AuthorizeFolder("/Roles", AdminPolicies.Accounts);
                options.Conventions.AuthorizeFolder("/Erasure", AdminPolicies.Accounts);
                options.Conventions.AuthorizeFolder("/ApiKeys", AdminPolicies.ApiKeys);
            })
            .AddViewLocalization();
        services.Replace(ServiceDescriptor.Transient<IViewLocalizer, AdminViewLocalizer>());
        services.AddAuthorization(AdminPolicies.Add);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "smile.antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Umlauts as they are, not as entities: German pages stay readable in the source and smaller on the wire.
        services.Configure<WebEncoderOptions>(encoding => encoding.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ContentTypes>();
        services.AddSingleton<ContentList>();
        services.AddSingleton<DashboardReader>();
        services.AddSingleton<MediaUploads>();
        services.AddSingleton<UserNames>();
        services.AddSingleton<AuditReader>();
        services.AddSingleton<FieldChoices>();
        services.AddSingleton<ItemForms>();
        return services;
    }

    /// <summary>Call after authentication: the admin's headers, languages, assets and pages.</summary>
    public static IEndpointRouteBuilder MapSmileAdmin(this WebApplication app)
    {
        var localization = AdminCultures.Options();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(BasePath), admin =>
        {
            admin.Use(AdminHeaders.Apply);
            admin.UseRequestLocalization(localization);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = AssetsPath,
            FileProvider = new EmbeddedFileProvider(typeof(AdminSetup).Assembly, "Smile.Admin.Assets"),
            OnPrepareResponse = asset => asset.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapPost(BasePath + "/language", (Func<HttpContext, Task<IResult>>)ChooseLanguage);
        app.MapPost(BasePath + "/markdown-preview", (Func<HttpContext, Task<IResult>>)MarkdownPreview.RenderAsync).RequireAuthorization(AdminPolicies.Editors);
        return app;
    }

    /// <summary>The language switch: a cookie for a year, then back where the editor was.</summary>
    private static async Task<IResult> ChooseLanguage(HttpContext context)
    {
        if (!await AdminForms.IsValidAsync(context))
        {
            return Results.BadRequest("Das Formular ist abgelaufen. Laden Sie die Seite neu.");
        }

        var form = context.Request.Form;
        var culture = AdminCultures.Supported.Contains(form["culture"].ToString()) ? form["culture"].ToString() : AdminCultures.German;
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, Path = BasePath });
        var back = form["returnUrl"].ToString();
        return Results.LocalRedirect(back.StartsWith(BasePath, StringComparison.Ordinal) && !back.StartsWith("//", StringComparison.Ordinal) ? back : BasePath);
    }
}
