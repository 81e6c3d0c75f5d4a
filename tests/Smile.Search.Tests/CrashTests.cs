using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Searching;

namespace Smile.Search.Tests;

/// <summary>
/// The CMS as a separate process (the built host, started with <c>dotnet</c>), killed with SIGKILL while it
/// indexes a stream of publications: the next start opens the index and catches up.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private const string Node = "crash-node";
    private const string Password = "Crash-test-password-42";
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "smile-crash-" + Guid.NewGuid().ToString("N")[..12]);

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataPath);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // left in the temp folder
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_CMS_killed_while_indexing_restarts_with_an_index_that_opens_and_catches_up()
    {
        const int Items = 120;
        var port = FreePort();
        using var process = StartCms(port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilReadyAsync(http, process);

        await using var writer = new StoppedCms(_dataPath);
        var killedAfter = -1;
        for (var i = 0; i < Items; i++)
        {
            await writer.PublishAsync($"news-absturz-{i}", $"Meldung {i}", $"Absturzprobe Nummer wort{i}x.");
            // Kill once the process has indexed some of the stream, while more keeps arriving.
            if (killedAfter < 0 && i >= 20 && i % 5 == 0 && await CountAsync(http, "Absturzprobe") > 0)
            {
                process.Kill(); // SIGKILL on Linux: no shutdown code runs
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
                killedAfter = i;
            }
        }

        Assert.True(killedAfter > 0, "The CMS process never indexed any of the stream before the end, so it was not killed while indexing.");
        using var restarted = new CmsFactory(new Dictionary<string, string?>
        {
            ["Smile:DataPath"] = _dataPath,
            ["Smile:Search:NodeName"] = Node,
            ["Smile:Admin:Password"] = Password,
        });
        var search = restarted.Services.GetRequiredService<IContentSearch>();
        var all = await search.SearchAsync(new SearchRequest { Query = "Absturzprobe", Take = 1 });
        var last = await search.SearchAsync(new SearchRequest { Query = $"wort{Items - 1}x" });

        Assert.Equal(Items, all.TotalCount);
        Assert.Equal($"news-absturz-{Items - 1}", Assert.Single(last.Hits).ItemId);
        Assert.DoesNotContain(restarted.Logs.Records, r => r.Message.Contains("cannot be read", StringComparison.Ordinal) || r.Message.Contains("indexing failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_rebuild_command_recreates_the_indexes_from_the_database()
    {
        var port = FreePort();
        using (var first = StartCms(port))
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilReadyAsync(http, first);
            first.Kill();
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var folder = Path.Combine(_dataPath, "search", Node);
        Directory.Delete(folder, recursive: true);
        using var rebuild = StartCms(port, "search", "rebuild");
        var output = await rebuild.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await rebuild.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, rebuild.ExitCode);
        Assert.Contains($"Search indexes in {folder} rebuilt", output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(folder, "public", "de")));
    }

    private Process StartCms(int port, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["Smile__DataPath"] = _dataPath,
                ["Smile__Search__NodeName"] = Node,
                ["Smile__Admin__Password"] = Password,
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_NOLOGO"] = "1",
            },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Smile.Cms.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        if (arguments.Length == 0)
        {
            // Drain the logs so the process never blocks on a full pipe.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"The CMS process exited with {(process.HasExited ? process.ExitCode : 0)} before it was ready.");
            try
            {
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The CMS process was not ready within two minutes.");
    }

    private static async Task<int> CountAsync(HttpClient http, string query)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/graphql", UriKind.Relative), new { query = "query($q: String!) { search(query: $q, first: 0) { totalCount } }", variables = new { q = query } });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return body?["data"]?["search"]?["totalCount"]?.GetValue<int>() ?? 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
