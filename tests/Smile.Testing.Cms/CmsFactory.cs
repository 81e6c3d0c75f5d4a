using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Smile.Search.Indexing;

namespace Smile.Testing.Cms;

/// <summary>The CMS host as <c>dotnet run</c> starts it, configured through settings and with its logs captured.</summary>
public sealed class CmsFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>The file the search indexes hold while they are open (see <see cref="SearchIndexes"/>); null before the host started.</summary>
    private string? _searchClaim;

    public LogSink Logs { get; } = new();

    /// <summary>
    /// The app runs its own host, so when this factory stops it, the app's run disposes it as well: whichever disposal
    /// comes second returns at once, possibly while the other is still closing the search indexes (a final commit
    /// deletes files). The next host on the same data, or a test reading the index files, must find them closed, so
    /// this waits until the indexes let go of their folder.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_searchClaim is { } claim)
        {
            await WaitUntilReleasedAsync(claim, TimeSpan.FromSeconds(30));
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _searchClaim = host.Services.GetService<SearchIndexes>() is { } indexes ? Path.Combine(indexes.Folder, "node.lock") : null;
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
    }

    private static async Task WaitUntilReleasedAsync(string file, TimeSpan atMost)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var probe = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (waiting.Elapsed < atMost)
            {
                await Task.Delay(20);
            }
        }
    }
}
