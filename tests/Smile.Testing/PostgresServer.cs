using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Smile.Testing;

/// <summary>
/// A throwaway PostgreSQL 15 server: initdb into a temp folder, pg_ctl on a free loopback port, stopped
/// and deleted afterwards. Runs as the postgres system user when the tests run as root (initdb refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string _directory;
    private readonly bool _asPostgresUser;

    private PostgresServer(string directory, int port, bool asPostgresUser)
    {
        _directory = directory;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=smile;Database={database};Pooling=true;Include Error Detail=true";

    /// <param name="durable">fsync and synchronous commit on, as in production; off by default, which makes tests faster.</param>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}/initdb is missing). Run the test command from README.md, which installs it.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "smile-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", directory], asUser: null);
        }

        var server = new PostgresServer(directory, FreePort(), asPostgresUser);
        var data = Path.Combine(directory, "data");
        await server.RunPostgresToolAsync("initdb", ["-D", data, "-A", "trust", "-U", "smile", "-E", "UTF8", "--locale=C", "--no-sync"]);
        var options = $"-p {server.Port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=200"
            + (durable ? " -c fsync=on -c synchronous_commit=on -c full_page_writes=on" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await server.RunPostgresToolAsync("pg_ctl", ["-D", data, "-o", options, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"]);
        return server;
    }

    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPostgresToolAsync("pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments) =>
        RunAsync(Path.Combine(BinDirectory, tool), arguments, _asPostgresUser ? "postgres" : null);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, string? asUser)
    {
        var start = new ProcessStartInfo(asUser is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asUser is not null)
        {
            foreach (var argument in new[] { "-u", asUser, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
