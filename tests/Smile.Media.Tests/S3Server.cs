using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Smile.Media.Tests;

/// <summary>
/// A real S3-compatible server for the S3 media store: s3rver (npm, pinned in <c>s3/package-lock.json</c>)
/// on a free loopback port with a bucket made at start. Its fixed credentials are S3RVER / S3RVER.
/// </summary>
public sealed class S3Server : IAsyncLifetime
{
    public const string Bucket = "smile-media";
    public const string Key = "S3RVER";
    private Process? _process;
    private string? _directory;

    public string ServiceUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var program = Path.Combine(RepositoryRoot(), "tests", "Smile.Media.Tests", "s3", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(program))
        {
            throw new InvalidOperationException($"s3rver is not installed ({program} is missing). Run the test command from README.md, which installs it (npm ci --prefix tests/Smile.Media.Tests/s3).");
        }

        _directory = Path.Combine(Path.GetTempPath(), "smile-s3-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        var port = FreePort();
        var start = new ProcessStartInfo("node") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { program, "-d", _directory, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", Bucket })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        ServiceUrl = $"http://127.0.0.1:{port}";
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var response = await http.GetAsync($"{ServiceUrl}/{Bucket}");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode}.");
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("s3rver did not start listening within 10 seconds.");
    }

    public S3MediaOptions Options(string prefix) => new() { ServiceUrl = ServiceUrl, Bucket = Bucket, AccessKey = Key, SecretKey = Key, Prefix = prefix, Region = "us-east-1" };

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Smile.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository; Smile.sln was not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
