using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Smile.Storage.Sqlite;

namespace Smile.Operations.Tests.Deployment;

/// <summary>The published output run as the container runs it: environment variables only, no source tree.</summary>
public sealed class PublishedAppTests(PublishedApp app, TestDatabases databases) : IClassFixture<PublishedApp>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Fact]
    public void The_test_publishes_and_configures_as_the_Dockerfile_does()
    {
        Assert.Contains(PublishedApp.DockerPublish, app.Dockerfile, StringComparison.Ordinal);
        Assert.Equal("/var/lib/smile", app.DockerfileEnvironment["Smile__DataPath"]);
        Assert.Contains("VOLUME /var/lib/smile", app.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", app.Dockerfile, StringComparison.Ordinal);
        Assert.Contains("USER $APP_UID", app.Dockerfile, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_published_app_serves_the_API_and_the_site_from_environment_variables_alone_and_stops_cleanly_on_SIGTERM(string provider)
    {
        var dataPath = NewDataFolder();
        using var process = PublishedProcess.Start(app.Folder, await EnvironmentAsync(provider, dataPath));
        try
        {
            Assert.True(await process.WaitForAsync("/readyz"), "never ready:\n" + process.Output);

            using var answer = await process.Client.PostAsJsonAsync(
                new Uri("/api/graphql", UriKind.Relative),
                new { query = "{ newsArticles(first: 1) { totalCount nodes { title path } } }" },
                TestContext.Current.CancellationToken);
            var news = JsonNode.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["data"]!["newsArticles"]!;
            Assert.Equal(6, news["totalCount"]!.GetValue<int>());
            var path = news["nodes"]![0]!["path"]!.GetValue<string>();

            // The preview site needs the theme from the published folder; the first build follows readiness.
            Assert.True(await process.WaitForAsync(path), "the news page was never built:\n" + process.Output);
            var home = await process.Client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Contains("<html lang=\"de\"", home, StringComparison.Ordinal);
            Assert.Contains("Smile City", home, StringComparison.Ordinal);
            Assert.True(await process.WaitForAsync("/pagefind/pagefind.js"), "no search index:\n" + process.Output);
            Assert.Equal(HttpStatusCode.OK, (await process.Client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(provider == TestDatabases.Sqlite, File.Exists(Path.Combine(dataPath, "smile.db")));

            Assert.Equal(0, await process.StopAsync());
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task The_published_app_refuses_a_database_from_a_newer_Smile_with_exit_code_3_and_is_never_ready()
    {
        var dataPath = NewDataFolder();
        try
        {
            var environment = await EnvironmentAsync(TestDatabases.Sqlite, dataPath);
            using (var first = PublishedProcess.Start(app.Folder, environment))
            {
                Assert.True(await first.WaitForAsync("/readyz"), "never ready:\n" + first.Output);
                Assert.Equal(0, await first.StopAsync());
            }

            await using (var connection = new SqliteConnection(SqliteStorage.ConnectionStringFor(dataPath)))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var insert = connection.CreateCommand();
                insert.CommandText = """INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('29991231235959_FromANewerSmile', '10.0.15')""";
                await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            SqliteConnection.ClearAllPools();
            using var refused = PublishedProcess.Start(app.Folder, environment);

            Assert.False(await refused.WaitForAsync("/readyz"));
            Assert.Equal(3, await refused.ExitCodeAsync());
            Assert.Contains("Start refused: The database schema is at 29991231235959_FromANewerSmile", refused.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static string NewDataFolder()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "smile-data-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);
        return dataPath;
    }

    /// <summary>The Dockerfile's environment, with the container's paths mapped to this machine's and the database chosen.</summary>
    private async Task<Dictionary<string, string>> EnvironmentAsync(string provider, string dataPath)
    {
        var environment = new Dictionary<string, string>(app.DockerfileEnvironment)
        {
            ["Smile__DataPath"] = dataPath,
            ["Smile__Site__Pagefind"] = Path.Combine(PublishedApp.RepositoryRoot, "site", "node_modules", "@pagefind", "linux-x64", "bin", "pagefind_extended"),
        };
        if (provider == TestDatabases.Postgres)
        {
            var server = await databases.PostgresAsync();
            var name = "pub_" + Guid.NewGuid().ToString("N")[..16];
            await server.ExecuteAsync($"CREATE DATABASE {name}");
            environment["Smile__Database__Provider"] = "Postgres";
            environment["ConnectionStrings__Smile"] = server.ConnectionString(name);
        }

        return environment;
    }
}
