using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Storage.Identity;
using Smile.Testing;

namespace Smile.Cms.FunctionalTests;

public sealed class StartupTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Starting_the_host_gives_a_seeded_ready_CMS(string provider)
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, provider);
        using var factory = installation.Start();
        using var client = factory.CreateClient();

        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var overview = await client.GetAsync(new Uri("/api", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", HealthAnswer.StatusOf(await ready.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", HealthAnswer.StatusOf(await live.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        using var json = JsonDocument.Parse(await overview.Content.ReadAsStringAsync());
        Assert.Equal("Smile CMS", json.RootElement.GetProperty("name").GetString());
        var types = json.RootElement.GetProperty("contentTypes").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("published").GetInt32());
        Assert.Equal(16, types.Count);
        Assert.Equal(1, types["AccessibilityStatement"]);
        Assert.Equal(6, types["NewsArticle"]);
        Assert.Equal(4, types["NetworkCity"]);
        Assert.Equal(0, types["Video"]);
        Assert.Equal(8, types["Project"]);
        Assert.Equal("Aktuelle Beiträge", json.RootElement.GetProperty("contentTypes").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "NewsArticle").GetProperty("displayName").GetString());
        Assert.True(json.RootElement.GetProperty("schemaVersion").GetInt64() >= 15);
        Assert.Equal("/readyz", json.RootElement.GetProperty("links").GetProperty("readiness").GetString());
        Assert.Contains(factory.Logs.Records, r => r.Message == "Empty database seeded from smile-city-rostock: 16 content types, 78 items");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_host_keeps_its_data_where_it_is_configured(string provider)
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, provider);
        using (installation.Start())
        {
        }

        Assert.True(Directory.Exists(installation.DataPath));
        Assert.Equal(provider == TestDatabases.Sqlite, File.Exists(Path.Combine(installation.DataPath, "smile.db")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_seed_is_not_imported_again_on_restart(string provider)
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, provider);
        (int Items, int Events, long SchemaVersion) first;
        using (var factory = installation.Start())
        {
            first = await CountAsync(factory);
        }

        using var restarted = installation.Start();
        var second = await CountAsync(restarted);

        Assert.Equal(78, first.Items);
        Assert.Equal(first, second);
        Assert.DoesNotContain(restarted.Logs.Records, r => r.Message.StartsWith("Empty database seeded", StringComparison.Ordinal));
        using var client = restarted.CreateClient();
        Assert.Equal("Healthy", await HealthAnswer.StatusAsync(client));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_nodes_starting_together_on_an_empty_database_both_come_up_with_one_seed(string provider)
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, provider);

        Task<CmsFactory>[] starting = [Task.Run(() => installation.Start()), Task.Run(() => installation.Start())];
        try
        {
            var starts = await Task.WhenAll(starting);
            var counts = await Task.WhenAll(starts.Select(CountAsync));
            Assert.All(counts, c => Assert.Equal(78, c.Items));
            Assert.Single(starts.SelectMany(s => s.Logs.Records), r => r.Message.StartsWith("Empty database seeded", StringComparison.Ordinal));
            await using var scope = starts[0].Services.CreateAsyncScope();
            Assert.Equal(1, scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>().Users.Count());
        }
        finally
        {
            foreach (var start in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await (await start).DisposeAsync();
            }
        }
    }

    private static async Task<(int Items, int Events, long SchemaVersion)> CountAsync(CmsFactory factory)
    {
        var reader = factory.Services.GetRequiredService<IContentReader>();
        var items = await reader.QueryAsync(new ContentQuery { Culture = null, Status = VersionStatus.All, Take = 0 });
        var events = await reader.EventsAfterAsync(0, int.MaxValue);
        return (items.TotalCount!.Value, events.Count, await reader.SchemaVersionAsync());
    }
}
