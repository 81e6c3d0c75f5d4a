using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Smile.Operations.FixtureMaker;
using Smile.Storage.Sqlite;
using Smile.Testing;
using Smile.Testing.Cms;

// From the repository root: dotnet run -c Release --project tests/Smile.Operations.FixtureMaker -- <fixtures folder> <name>
// Starts the CMS of this checkout on a fresh SQLite database and on a fresh PostgreSQL database, uses it as editors
// and machines do (UsedInstallation), and writes <name>.sqlite, <name>.postgres.sql and <name>.manifest.json.
if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: <fixtures folder> <name>, e.g. tests/Smile.Operations.Tests/Fixtures initial");
    return 2;
}

var folder = Path.GetFullPath(args[0]);
// The host's content root, which a test run finds through its test assembly; run from the repository root.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SMILE_CMS", Path.GetFullPath(Path.Combine("cms", "Smile.Cms")));
var name = args[1];
Directory.CreateDirectory(folder);

var sqliteData = Path.Combine(Path.GetTempPath(), "smile-fixture-" + Guid.NewGuid().ToString("N")[..12]);
Directory.CreateDirectory(sqliteData);
var manifest = new System.Text.Json.Nodes.JsonObject { ["sqlite"] = await UsedInstallation.MakeAsync(Settings(sqliteData)) };
SqliteConnection.ClearAllPools();
var sqliteFile = Path.Combine(folder, name + ".sqlite");
File.Delete(sqliteFile);
await using (var connection = new SqliteConnection(SqliteStorage.ConnectionStringFor(sqliteData)))
{
    // One self-contained file with the write-ahead log folded in.
    await connection.OpenAsync();
    await using var vacuum = connection.CreateCommand();
    vacuum.CommandText = "VACUUM INTO $file";
    vacuum.Parameters.AddWithValue("$file", sqliteFile);
    await vacuum.ExecuteNonQueryAsync();
}

SqliteConnection.ClearAllPools();
Directory.Delete(sqliteData, recursive: true);

await using (var server = await PostgresServer.StartAsync())
{
    await server.ExecuteAsync("CREATE DATABASE smile");
    var postgresData = Path.Combine(Path.GetTempPath(), "smile-fixture-" + Guid.NewGuid().ToString("N")[..12]);
    Directory.CreateDirectory(postgresData);
    var postgresSettings = Settings(postgresData);
    postgresSettings["Smile:Database:Provider"] = "Postgres";
    postgresSettings["ConnectionStrings:Smile"] = server.ConnectionString("smile");
    manifest["postgres"] = await UsedInstallation.MakeAsync(postgresSettings);
    Npgsql.NpgsqlConnection.ClearAllPools();
    await RunAsync("/usr/lib/postgresql/15/bin/pg_dump", "-h", "127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "smile",
        "--no-owner", "--no-privileges", "--format=plain", "-f", Path.Combine(folder, name + ".postgres.sql"), "smile");
    Directory.Delete(postgresData, recursive: true);
}

manifest["madeBy"] = (await RunAsync("git", "rev-parse", "HEAD")).Trim();
await File.WriteAllTextAsync(Path.Combine(folder, name + ".manifest.json"), manifest.ToJsonString(new() { WriteIndented = true }) + "\n");
Console.WriteLine($"Fixtures '{name}' written to {folder}");
return 0;

static Dictionary<string, string?> Settings(string dataPath) => new()
{
    ["Smile:DataPath"] = dataPath,
    ["Smile:Site:Preview"] = "false",
    ["Smile:Admin:Email"] = UsedInstallation.AdminEmail,
    ["Smile:Admin:Password"] = UsedInstallation.AdminPassword,
    ["Logging:LogLevel:Default"] = "Warning",
};

static async Task<string> RunAsync(string program, params string[] arguments)
{
    var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}");
}
