using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Smile.Site.BrowserTests;

/// <summary>
/// The built folder served the way the CDN serves it: <c>/x</c> is <c>x/index.html</c>, files are files, and anything
/// else is <c>404.html</c> with status 404, every answer with the Content-Security-Policy of netlify.toml.
/// Loopback only, on a free port.
/// </summary>
public sealed partial class StaticSiteServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The policy the public site is served with on Netlify, read from netlify.toml.</summary>
    public static readonly string ContentSecurityPolicy =
        NetlifyPolicy().Match(File.ReadAllText(Path.Combine(PublicSite.RepositoryRoot, "netlify.toml"))) is { Success: true } match
            ? match.Groups["policy"].Value
            : throw new InvalidOperationException("netlify.toml sets no Content-Security-Policy");

    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The root of the site, with a trailing slash.</summary>
    public Uri Address { get; }

    /// <summary>Serves <paramref name="folder"/>, which may still be empty: the site is built after the port is known.</summary>
    public static async Task<StaticSiteServer> StartAsync(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var files = new PhysicalFileProvider(folder);
        app.Run(context => ServeAsync(context, files));
        await app.StartAsync();

        // Kestrel picked the free port; the bound address is known once it has started.
        var address = app.Urls.Single();
        return new StaticSiteServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static async Task ServeAsync(HttpContext context, PhysicalFileProvider files)
    {
        var path = context.Request.Path.Value is { Length: > 0 } value ? value : "/";
        var file = files.GetFileInfo(path.EndsWith('/') ? path + "index.html" : path);
        if (!file.Exists || file.IsDirectory)
        {
            file = files.GetFileInfo(path.TrimEnd('/') + "/index.html");
        }

        if (!file.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            file = files.GetFileInfo("404.html");
            if (!file.Exists)
            {
                return;
            }
        }

        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.ContentType = ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
        if (context.Response.ContentType.StartsWith("text/", StringComparison.Ordinal))
        {
            context.Response.ContentType += "; charset=utf-8";
        }

        await context.Response.SendFileAsync(file);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Content-Security-Policy = ""(?<policy>[^""]+)""")]
    private static partial System.Text.RegularExpressions.Regex NetlifyPolicy();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
