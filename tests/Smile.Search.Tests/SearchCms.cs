using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Storage.ApiKeys;

namespace Smile.Search.Tests;

/// <summary>One seeded CMS per database for a test class, started on first use, with an API key that may preview.</summary>
public sealed class SearchCms(TestDatabases databases) : IAsyncDisposable
{
    private readonly Dictionary<string, Task<Prepared>> _started = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public sealed record Prepared(RunningCms Cms, string PreviewKey)
    {
        public ContentService Content => Cms.Services.GetRequiredService<ContentService>();

        /// <summary>Runs <c>search</c> with the given arguments (GraphQL literal syntax) and returns the answer.</summary>
        public Task<GraphQLResponse> SearchAsync(string query, string arguments = "", bool preview = false) =>
            Cms.QueryAsync(
                $$"""
                query($q: String!) { search(query: $q {{arguments}}) {
                  totalCount fuzzy
                  nodes { __typename id title published }
                  edges { cursor score snippets }
                  pageInfo { hasNextPage endCursor }
                  facets { contentTypes { value label count } districts { value label count } fieldsOfAction { value label count } }
                } }
                """,
                new { q = query },
                request =>
                {
                    if (preview)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PreviewKey);
                    }
                });

        /// <summary>The ids found, in order; fails the test on any error.</summary>
        public async Task<IReadOnlyList<string>> FindAsync(string query, string arguments = "", bool preview = false)
        {
            var answer = await SearchAsync(query, arguments, preview);
            Assert.True(answer.Errors is null, answer.Body.ToJsonString());
            return [.. answer.Data!["search"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>())];
        }

        public Task CreateAsync(string id, string title, string teaser, bool publish) =>
            Content.RunAsync(Actor.System, async e =>
            {
                await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = title, Fields = new JsonObject { ["teaser"] = teaser } }, id: id);
                if (publish)
                {
                    await e.PublishAsync(id);
                }
            });
    }

    public Task<Prepared> GetAsync(string provider)
    {
        lock (_gate)
        {
            if (!_started.TryGetValue(provider, out var started))
            {
                started = StartAsync(provider);
                _started[provider] = started;
            }

            return started;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var started in _started.Values)
        {
            if (started.IsCompletedSuccessfully)
            {
                await started.Result.Cms.DisposeAsync();
            }
        }
    }

    private async Task<Prepared> StartAsync(string provider)
    {
        var cms = await RunningCms.StartAsync(databases, provider);
        try
        {
            var key = await cms.Services.GetRequiredService<ApiKeyService>()
                .CreateAsync("Suche", new HashSet<Permission> { Permission.ViewContent, Permission.PreviewDrafts }, Actor.System.Id);
            return new Prepared(cms, key.Secret);
        }
        catch
        {
            await cms.DisposeAsync();
            throw;
        }
    }
}
