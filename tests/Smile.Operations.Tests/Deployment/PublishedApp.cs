using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Smile.Operations.Tests.Deployment;

/// <summary>
/// The CMS published as the Dockerfile publishes it, once per test class, and the environment its ENV lines set.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    /// <summary>The Dockerfile's publish step; the test runs the same command into a temporary folder.</summary>
    public const string DockerPublish = "RUN dotnet publish cms/Smile.Cms -c Release -o /app";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "smile-published-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The Dockerfile's ENV lines, in order.</summary>
    public IReadOnlyDictionary<string, string> DockerfileEnvironment { get; private set; } = new Dictionary<string, string>();

    public string Dockerfile { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Dockerfile = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "deploy", "Dockerfile"));
        DockerfileEnvironment = Dockerfile.Split('\n')
            .Where(line => line.StartsWith("ENV ", StringComparison.Ordinal))
            .Select(line => line[4..].Trim().Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        var (exit, output) = await RunAsync("dotnet", ["publish", "cms/Smile.Cms", "-c", "Release", "-o", Folder], RepositoryRoot);
        if (exit != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + output);
        }
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<(int Exit, string Output)> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, new StringBuilder(await output).Append(await error).ToString());
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Smile.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Smile.sln not found above " + AppContext.BaseDirectory);
    }
}
