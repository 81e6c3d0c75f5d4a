namespace Smile.Operations.Tests;

/// <summary>Taking an installation back to nothing: its data folder emptied and, on PostgreSQL, its database dropped and created empty.</summary>
public static class Installations
{
    public static async Task WipeAsync(TestDatabases databases, CmsInstallation installation)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        Directory.Delete(installation.DataPath, recursive: true);
        Directory.CreateDirectory(installation.DataPath);
        if (installation.Provider == TestDatabases.Postgres)
        {
            var database = new Npgsql.NpgsqlConnectionStringBuilder(installation.Settings["ConnectionStrings:Smile"]).Database!;
            var server = await databases.PostgresAsync();
            await server.ExecuteAsync($"DROP DATABASE {database} WITH (FORCE)");
            await server.ExecuteAsync($"CREATE DATABASE {database}");
        }
    }

    public static string ArchivePath() => Path.Combine(Path.GetTempPath(), "smile-backup-" + Guid.NewGuid().ToString("N")[..12] + ".zip");
}
