using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Smile.Ingestion.Tests;

/// <summary>
/// The CMS as a process of its own (the built Smile.Cms.dll under <c>dotnet</c>), so a test can kill it the
/// hard way, SIGKILL, mid-stream, as a crash or the OOM killer would.
/// </summary>
public sealed class CmsProcess : IAsyncDisposable
{
    private readonly Process _process;

    private CmsProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<CmsProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var dll = Path.Combine(HostFolder(), "Smile.Cms.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var cms = new CmsProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = cms.Address };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                // Healthy, not just up: the MQTT check is part of readiness, so the subscription exists.
                var ready = await HealthAnswer.StatusAsync(client);
                if (ready == "Healthy")
                {
                    return cms;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        await cms.DisposeAsync();
        throw new InvalidOperationException($"The CMS process did not become healthy within 60 seconds (exited: {process.HasExited}).");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the broker.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    /// <summary>The host built beside this test assembly, in the same configuration (Debug or Release).</summary>
    private static string HostFolder()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory); // tests/Smile.Ingestion.Tests/bin/<Configuration>/net10.0/
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Smile.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new InvalidOperationException("Smile.sln not found above " + here.FullName), "cms", "Smile.Cms", "bin", configuration, framework);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
