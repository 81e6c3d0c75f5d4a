using System.Collections.Concurrent;
using System.Diagnostics;

namespace Smile.Operations.Tests.Deployment;

/// <summary>The published app started as the container starts it: <c>dotnet Smile.Cms.dll</c> in its folder, configured by environment only.</summary>
public sealed class PublishedProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PublishedProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public static PublishedProcess Start(string folder, IReadOnlyDictionary<string, string> environment)
    {
        var port = PublishedApp.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, "Smile.Cms.dll"));
        // Nothing of the test run's own configuration leaks in: the container has none of it either.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Smile__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
            || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k is "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new PublishedProcess(Process.Start(start)!, port);
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; false when the process exits first.</summary>
    public async Task<bool> WaitForAsync(string path)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // a guard against hanging, not a speed limit
        while (!_process.HasExited)
        {
            try
            {
                using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), patience.Token);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250, patience.Token);
        }

        return false;
    }

    /// <summary>SIGTERM, as <c>docker stop</c> and systemd send it; the exit code once the host has shut down.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await ExitCodeAsync();
    }

    public async Task<int> ExitCodeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(patience.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        Client.Dispose();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
