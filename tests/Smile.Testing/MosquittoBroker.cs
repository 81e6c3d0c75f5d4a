using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Smile.Testing;

/// <summary>
/// A real Mosquitto broker on a free loopback port, with a config made for zero loss: persistence on, and
/// in-flight and queue limits raised far above the defaults (20 and 1000), which drop messages under load.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private const string Program = "/usr/sbin/mosquitto";
    private readonly string _directory;
    private Process _process;

    private MosquittoBroker(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The broker's process, for benchmarks that count its CPU time.</summary>
    public int ProcessId => _process.Id;

    public static async Task<MosquittoBroker> StartAsync()
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"Mosquitto is not installed ({Program} is missing). Run the test command from README.md, which installs it.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "smile-mqtt-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence true
            persistence_location {directory}/
            autosave_interval 1
            max_inflight_messages 0
            max_queued_messages 0
            max_queued_bytes 0
            log_dest stderr
            log_type error
            user {Environment.UserName}
            """);
        var broker = new MosquittoBroker(Launch(config), directory, port);
        try
        {
            await broker.WaitUntilListeningAsync();
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>An outage: the broker is gone (SIGKILL), its persisted sessions stay on disk.</summary>
    public async Task StopAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Back on the same port with the same persistence, as after a broker restart.</summary>
    public async Task RestartAsync()
    {
        _process.Dispose();
        _process = Launch(Path.Combine(_directory, "mosquitto.conf"));
        await WaitUntilListeningAsync();
    }

    private static Process Launch(string config)
    {
        var start = new ProcessStartInfo(Program) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}; config in {_directory}.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"mosquitto did not listen on port {Port} within 5 seconds.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // the broker's last autosave may race the delete; the folder is in /tmp
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
