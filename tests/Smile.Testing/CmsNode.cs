using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Smile.Testing;

/// <summary>
/// One CMS node as a process of its own: the built Smile.Cms.dll under <c>dotnet</c>, configured by environment
/// variables as in production, so a test can run several on one database and kill one the hard way (SIGKILL).
/// </summary>
public sealed class CmsNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private CmsNode(string name, Process process, Uri address, IReadOnlyDictionary<string, string?> settings)
    {
        Name = name;
        _process = process;
        Address = address;
        Settings = settings;
    }

    public string Name { get; }

    public Uri Address { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The newest lines the node wrote, for a failure message.</summary>
    public string RecentOutput => string.Join('\n', _output);

    /// <summary>Starts the node and waits until <c>/readyz</c> answers Healthy (migrated, seeded, start-up work done).</summary>
    public static async Task<CmsNode> StartAsync(string name, IReadOnlyDictionary<string, string?> settings, TimeSpan? timeout = null)
    {
        var port = FreePort();
        var start = StartInfo(settings);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var process = Process.Start(start)!;
        var node = new CmsNode(name, process, new Uri($"http://127.0.0.1:{port}"), settings);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if (await HealthAnswer.StatusAsync(client) == "Healthy")
                {
                    return node;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        var output = node.RecentOutput;
        var exited = process.HasExited;
        await node.DisposeAsync();
        throw new InvalidOperationException($"CMS node {name} did not become healthy (exited: {exited}). Its output:\n{output}");
    }

    /// <summary>Runs a command of the host (<c>apikey ...</c>, <c>recipe import ...</c>) with this node's settings.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var start = StartInfo(settings);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the broker or the database.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>The host built beside the calling assembly, in the same configuration (Debug or Release).</summary>
    public static string HostFolder()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory); // tests/<Project>/bin/<Configuration>/net10.0/
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Smile.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new InvalidOperationException("Smile.sln not found above " + here.FullName), "cms", "Smile.Cms", "bin", configuration, framework);
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> settings)
    {
        var dll = Path.Combine(HostFolder(), "Smile.Cms.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
