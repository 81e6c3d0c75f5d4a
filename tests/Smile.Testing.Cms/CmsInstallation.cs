using Smile.Testing;

namespace Smile.Testing.Cms;

/// <summary>One Smile installation: a data folder (and for PostgreSQL an empty, unmigrated database) that hosts start on, one after another.</summary>
public sealed class CmsInstallation : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;

    private CmsInstallation(string provider, string dataPath, Dictionary<string, string?> settings)
    {
        Provider = provider;
        DataPath = dataPath;
        _settings = settings;
    }

    public string Provider { get; }

    public string DataPath { get; }

    /// <summary>The settings hosts on this installation start with (data folder, database).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>A fresh installation; <paramref name="admin"/> adds the Smile:Admin settings as given.</summary>
    public static async Task<CmsInstallation> CreateAsync(TestDatabases databases, string provider, IReadOnlyDictionary<string, string?>? admin = null)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "smile-cms-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);
        var settings = new Dictionary<string, string?>
        {
            ["Smile:DataPath"] = dataPath,
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            // Tests of the site build it themselves, or turn the preview on.
            ["Smile:Site:Preview"] = "false",
        };
        if (provider == TestDatabases.Postgres)
        {
            var server = await databases.PostgresAsync();
            var database = "cms_" + Guid.NewGuid().ToString("N")[..16];
            await server.ExecuteAsync($"CREATE DATABASE {database}");
            settings["Smile:Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Smile"] = server.ConnectionString(database);
        }

        foreach (var (key, value) in admin ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new CmsInstallation(provider, dataPath, settings);
    }

    /// <summary>Starts a host on this installation and waits until start-up work is done; <paramref name="changes"/> override settings for this start.</summary>
    public CmsFactory Start(IReadOnlyDictionary<string, string?>? changes = null)
    {
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var factory = new CmsFactory(settings);
        try
        {
            _ = factory.Services;
            return factory;
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow machine is not worth failing a test over; it lives in /tmp
        }

        return ValueTask.CompletedTask;
    }
}
