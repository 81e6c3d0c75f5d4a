using Smile.Cms.Startup;
using Smile.Search.Indexing;

namespace Smile.Cms.Commands;

/// <summary>
/// <c>dotnet run --project cms/Smile.Cms -- search rebuild</c>: recreates this node's search indexes from
/// the database (run it with the CMS stopped; a running CMS holds the index and is refused).
/// </summary>
public static class SearchCommand
{
    public const string Name = "search";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args is not ["rebuild"])
        {
            await Console.Error.WriteLineAsync("Usage: search rebuild");
            return 2;
        }

        // The same start-up work as the server (migrations, seed), without listening or following the outbox.
        foreach (var initializer in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
        {
            await initializer.StartAsync(CancellationToken.None);
        }

        var indexes = app.Services.GetRequiredService<SearchIndexes>();
        try
        {
            indexes.Open(spareFolderAllowed: false);
        }
        catch (InvalidOperationException inUse)
        {
            await Console.Error.WriteLineAsync(inUse.Message);
            return 1;
        }

        var count = await app.Services.GetRequiredService<SearchIndexer>().RebuildAsync();
        Console.WriteLine($"Search indexes in {indexes.Folder} rebuilt: {count} versions, outbox position {indexes.Position}.");
        indexes.Dispose();
        return 0;
    }
}
