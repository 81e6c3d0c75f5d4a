using Microsoft.Extensions.FileProviders;
using Smile.Site.Building;
using Smile.Site.Searching;

namespace Smile.Site.Cli;

/// <summary>
/// <c>serve</c>: the built site on localhost, rebuilt incrementally when the theme changes or the CMS publishes,
/// and reloaded in the browser (a small script added to pages served here only, never to the built files).
/// </summary>
internal static class PreviewServer
{
    private const string ReloadScript = "<script src=\"/_smile/live-reload.js\"></script>";

    public static async Task RunAsync(SiteBuilder builder, SiteOptions options, int port, string? pagefind)
    {
        var version = 0;
        var app = WebApplication.CreateSlimBuilder();
        app.WebHost.UseUrls($"http://127.0.0.1:{port}");
        app.Logging.SetMinimumLevel(LogLevel.Warning);
        var web = app.Build();
        var files = new PhysicalFileProvider(options.OutputFolder);

        web.MapGet("/_smile/live-reload.js", () => Results.Text(
            "(function(){var v=null;setInterval(function(){fetch('/_smile/version').then(function(r){return r.text();}).then(function(t){if(v!==null&&t!==v){location.reload();}v=t;});},1000);})();",
            "text/javascript"));
        web.MapGet("/_smile/version", () => Volatile.Read(ref version).ToString(System.Globalization.CultureInfo.InvariantCulture));
        web.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path.StartsWith("/_smile/", StringComparison.Ordinal))
            {
                await next();
                return;
            }

            var file = files.GetFileInfo(path.EndsWith('/') ? path + "index.html" : path);
            if (!file.Exists && !Path.HasExtension(path))
            {
                file = files.GetFileInfo(path + "/index.html");
            }

            var notFound = !file.Exists;
            if (notFound)
            {
                file = files.GetFileInfo("/404.html");
            }

            if (!file.Exists || file.IsDirectory)
            {
                await next();
                return;
            }

            context.Response.StatusCode = notFound ? 404 : 200;
            if (file.Name.EndsWith(".html", StringComparison.Ordinal))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                var html = await File.ReadAllTextAsync(file.PhysicalPath!);
                await context.Response.WriteAsync(html.Replace("</body>", ReloadScript + "</body>", StringComparison.Ordinal));
                return;
            }

            context.Response.ContentType = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider().TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
            await context.Response.SendFileAsync(file);
        });

        using var rebuild = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(options.ThemeFolder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        watcher.Changed += (_, _) => rebuild.Release();
        watcher.Created += (_, _) => rebuild.Release();
        watcher.Deleted += (_, _) => rebuild.Release();
        watcher.Renamed += (_, _) => rebuild.Release();

        var loop = Task.Run(async () =>
        {
            while (true)
            {
                // The change feed is polled every two seconds; a theme edit rebuilds at once.
                await rebuild.WaitAsync(TimeSpan.FromSeconds(2));
                await Task.Delay(200);
                while (rebuild.CurrentCount > 0)
                {
                    await rebuild.WaitAsync();
                }

                try
                {
                    var report = await builder.BuildAsync();
                    if (report.FilesWritten.Count > 0 || report.FilesRemoved.Count > 0)
                    {
                        await Pagefind.IndexAsync(options.OutputFolder, pagefind, report, quiet: true);
                        Interlocked.Increment(ref version);
                        Console.WriteLine($"{DateTime.Now:HH:mm:ss} rebuilt: {report.PagesWritten} pages written, {report.FilesRemoved.Count} removed in {report.Duration.TotalMilliseconds:0} ms");
                    }
                }
                catch (Exception e) when (e is SiteBuildException or Smile.Site.Sources.ContentSourceException)
                {
                    Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} not rebuilt: {e.Message}");
                }
            }
        });

        Console.WriteLine($"Serving {options.OutputFolder} at http://127.0.0.1:{port}/ (Ctrl+C stops)");
        await web.RunAsync();
    }
}
