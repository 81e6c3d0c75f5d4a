using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smile.Content.Events;
using Smile.Content.Searching;
using Smile.Search.Diagnostics;
using Smile.Search.Indexing;
using Smile.Search.Querying;

namespace Smile.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Lucene search over the content: indexes under <paramref name="dataPath"/>/search/&lt;node&gt;, kept in step
    /// by a hosted indexer (register after the database initializer, so it starts on a migrated database).
    /// </summary>
    public static IServiceCollection AddSmileSearch(this IServiceCollection services, string dataPath)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return new SearchIndexes(options.FolderUnder(dataPath), options.SplitCompounds, sp.GetRequiredService<ILogger<SearchIndexes>>());
        });
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<IOutboxFollower>(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddSingleton<SearchMetrics>();
        services.AddSingleton<IContentSearch, LuceneContentSearch>();
        return services;
    }
}
