using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Smile.Content.Security;

namespace Smile.Cms.Site;

/// <summary>Wiring of the site preview: the build service, and the built files served at <c>/</c> with the site's 404 page.</summary>
public static class SitePreview
{
    public static IServiceCollection AddSmileSitePreview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SitePreviewOptions>().BindConfiguration(SitePreviewOptions.Section);
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<InProcessContentSource>(provider, Actor.Anonymous));
        services.AddSingleton<Smile.Site.Sources.IContentSource>(provider => provider.GetRequiredService<InProcessContentSource>());
        if (configuration.GetSection(SitePreviewOptions.Section).Get<SitePreviewOptions>()?.Preview ?? true)
        {
            services.AddSingleton<SitePreviewMetrics>();
            services.AddSingleton<SitePreviewService>();
            services.AddHostedService(provider => provider.GetRequiredService<SitePreviewService>());
            services.AddSingleton<Smile.Content.Events.IOutboxFollower>(provider => provider.GetRequiredService<SitePreviewService>());
        }

        return services;
    }

    public static WebApplication UseSmileSitePreview(this WebApplication app)
    {
        if (app.Services.GetService<SitePreviewService>() is not { } preview)
        {
            return app;
        }

        Directory.CreateDirectory(preview.OutputFolder);
        var files = new PhysicalFileProvider(preview.OutputFolder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = ContentTypes() });
        app.MapFallback(async context =>
        {
            // Pages are folders with an index.html: /aktuelles/x serves aktuelles/x/index.html without a redirect.
            var path = context.Request.Path.Value ?? "/";
            var page = files.GetFileInfo(path.TrimEnd('/') + "/index.html");
            var found = page.Exists && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));
            if (!page.Exists)
            {
                page = files.GetFileInfo("404.html");
                found = false;
            }

            context.Response.StatusCode = found ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
            if (page.Exists)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(page);
            }
        });
        return app;
    }

    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".ics"] = "text/calendar; charset=utf-8";
        types.Mappings[".pf_meta"] = "application/octet-stream";
        types.Mappings[".pf_fragment"] = "application/octet-stream";
        types.Mappings[".pf_index"] = "application/octet-stream";
        types.Mappings[".pagefind"] = "application/octet-stream";
        return types;
    }
}
