using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Storage.Sqlite;

namespace Smile.Search.Tests;

/// <summary>
/// A SQLite installation's database opened without the CMS: how content changes while no CMS runs (an
/// import on another node, say) or while one in another process does.
/// </summary>
internal sealed class StoppedCms : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public StoppedCms(string dataPath)
    {
        var services = new ServiceCollection();
        services.AddSmileSqlite(SqliteStorage.ConnectionStringFor(dataPath), dataPath);
        _services = services.BuildServiceProvider();
    }

    public Task PublishAsync(string id, string title, string teaser) =>
        _services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = title, Fields = new JsonObject { ["teaser"] = teaser } }, id: id);
            await e.PublishAsync(id);
        });

    /// <summary>Publishes many news items in one session, as an import does.</summary>
    public Task PublishAllAsync(IEnumerable<(string Id, string Title, string Teaser)> items) =>
        _services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            foreach (var (id, title, teaser) in items)
            {
                await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = title, Fields = new JsonObject { ["teaser"] = teaser } }, id: id);
                await e.PublishAsync(id);
            }
        });

    public Task UnpublishAsync(string id) =>
        _services.GetRequiredService<ContentService>().RunAsync(Actor.System, e => e.UnpublishAsync(id));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
