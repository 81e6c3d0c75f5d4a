using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Querying;
using Smile.Content.Storage;

namespace Smile.Testing;

/// <summary>One migrated database and the storage services over it.</summary>
public sealed class TestDatabase(string provider, string connectionString, string dataPath, ServiceProvider services) : IAsyncDisposable
{
    public string Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    public string DataPath { get; } = dataPath;

    public IServiceProvider Services => services;

    public ContentService Content => services.GetRequiredService<ContentService>();

    public IContentReader Reader => services.GetRequiredService<IContentReader>();

    public IContentStore Store => services.GetRequiredService<IContentStore>();

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow machine is not worth failing a test over; it lives in /tmp
        }
    }
}
