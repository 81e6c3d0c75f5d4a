using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Operations.Tests.Deployment;
using Smile.Storage;
using Smile.Storage.ApiKeys;
using Smile.Storage.Identity;

namespace Smile.Operations.Tests.Upgrades;

/// <summary>
/// The first released schema (Initial) as a used installation left it, committed as fixtures (Fixtures/README.md),
/// started with this build: every migration added since must carry the data over, usable.
/// </summary>
public sealed class UpgradeFromInitialSchemaTests(TestDatabases databases)
{
    private const string Fixture = "initial";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_database_of_the_first_released_schema_is_upgraded_with_its_content_users_keys_and_readings_usable(string provider)
    {
        var facts = (await ManifestAsync())[provider]!;
        var cancel = TestContext.Current.CancellationToken;
        await using var restored = await RestoredFixture.CreateAsync(databases, provider, Fixture);
        using var cms = new CmsFactory(restored.Settings);
        using var client = cms.CreateClient();

        Assert.Equal("Healthy", await HealthAnswer.StatusAsync(client));
        Assert.DoesNotContain(cms.Logs.Records, r => r.Message.StartsWith("Empty database seeded", StringComparison.Ordinal));
        await using (var db = await cms.Services.GetRequiredService<IDbContextFactory<SmileDbContext>>().CreateDbContextAsync(cancel))
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(cancel));
            Assert.Contains(facts["schema"]!.GetValue<string>(), db.Database.GetMigrations());
            Assert.True(await db.Audit.CountAsync(cancel) >= facts["auditEntries"]!.GetValue<int>());
        }

        var reader = cms.Services.GetRequiredService<IContentReader>();
        Assert.Equal(facts["items"]!.GetValue<int>(), (await reader.QueryAsync(new ContentQuery { Culture = null, Status = VersionStatus.All, Take = 0 }, cancel)).TotalCount);

        var read = await QueryAsync(client, """
            query($edited: ID, $created: ID, $drafted: ID, $datastream: ID) {
              newsArticles(first: 0) { totalCount }
              edited: newsArticle(id: $edited) { title }
              created: newsArticle(id: $created) { title path }
              drafted: newsArticle(id: $drafted) { title }
              datastream(id: $datastream) { latest { result } observations(first: 1000) { result } }
            }
            """, new
        {
            edited = facts["edited"]!["id"]!.GetValue<string>(),
            created = facts["created"]!["id"]!.GetValue<string>(),
            drafted = facts["drafted"]!["id"]!.GetValue<string>(),
            datastream = facts["observations"]!["datastream"]!.GetValue<string>(),
        });
        Assert.Equal(facts["publishedNews"]!.GetValue<int>(), read["newsArticles"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(facts["edited"]!["title"]!.GetValue<string>(), read["edited"]!["title"]!.GetValue<string>());
        Assert.Equal(facts["created"]!["path"]!.GetValue<string>(), read["created"]!["path"]!.GetValue<string>());
        Assert.Equal(facts["drafted"]!["publishedTitle"]!.GetValue<string>(), read["drafted"]!["title"]!.GetValue<string>());
        Assert.Equal(facts["observations"]!["latest"]!.GetValue<double>(), read["datastream"]!["latest"]!["result"]!.GetValue<double>());
        Assert.True(read["datastream"]!["observations"]!.AsArray().Count >= facts["observations"]!["count"]!.GetValue<int>());

        // People and machines sign in with what they had before the upgrade.
        await using (var scope = cms.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
            var admin = await users.FindByEmailAsync(facts["adminEmail"]!.GetValue<string>());
            Assert.NotNull(admin);
            Assert.True(await users.CheckPasswordAsync(admin, facts["adminPassword"]!.GetValue<string>()));
            Assert.Equal(facts["editor"]!["id"]!.GetValue<string>(), (await users.FindByEmailAsync(facts["editor"]!["email"]!.GetValue<string>()))?.Id);
        }

        var key = await cms.Services.GetRequiredService<ApiKeyService>().AuthenticateAsync(facts["apiKey"]!["secret"]!.GetValue<string>(), cancel);
        Assert.NotNull(key);
        Assert.True(key.Has(Permission.IngestObservations));

        // ... and go on working: the open draft is finished and published, a reading is sent with the old key.
        var draftedId = facts["drafted"]!["id"]!.GetValue<string>();
        var latest = (await reader.GetVersionAsync(draftedId, VersionStatus.Latest, cancel))!;
        Assert.Equal(facts["drafted"]!["draftTitle"]!.GetValue<string>(), latest.Title);
        await cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            var finished = await e.SaveDraftAsync(draftedId, latest.Number, new ContentInput { Title = "Nach dem Update veröffentlicht", Slug = latest.Slug, Fields = latest.Fields.DeepClone().AsObject() });
            await e.PublishAsync(draftedId, finished.Number);
        }, cancel);
        using var reading = new HttpRequestMessage(HttpMethod.Post, "/sta/v1.1/Observations")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["phenomenonTime"] = DateTime.UtcNow.AddMinutes(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["result"] = 30.5,
                ["Datastream"] = new JsonObject { ["@iot.id"] = facts["observations"]!["datastream"]!.GetValue<string>() },
            }),
        };
        reading.Headers.Add("X-Api-Key", facts["apiKey"]!["secret"]!.GetValue<string>());
        using var stored = await client.SendAsync(reading, cancel);
        Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync(cancel));

        var after = await QueryAsync(client, "query($id: ID, $datastream: ID) { newsArticle(id: $id) { title } datastream(id: $datastream) { latest { result } } }",
            new { id = draftedId, datastream = facts["observations"]!["datastream"]!.GetValue<string>() });
        Assert.Equal("Nach dem Update veröffentlicht", after["newsArticle"]!["title"]!.GetValue<string>());
        Assert.Equal(30.5, after["datastream"]!["latest"]!["result"]!.GetValue<double>());
    }

    private static async Task<JsonNode> ManifestAsync() =>
        JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", Fixture + ".manifest.json")))!;

    private static async Task<JsonNode> QueryAsync(HttpClient client, string query, object variables)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/graphql", UriKind.Relative), new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Null(body["errors"]);
        return body["data"]!;
    }
}

/// <summary>A committed fixture restored into a fresh data folder (SQLite) or a fresh database on the test server (PostgreSQL).</summary>
internal sealed class RestoredFixture(string dataPath, Dictionary<string, string?> settings) : IAsyncDisposable
{
    public IReadOnlyDictionary<string, string?> Settings => settings;

    public static async Task<RestoredFixture> CreateAsync(TestDatabases databases, string provider, string fixture)
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var dataPath = Path.Combine(Path.GetTempPath(), "smile-upgrade-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);
        var settings = new Dictionary<string, string?>
        {
            ["Smile:DataPath"] = dataPath,
            ["Smile:Site:Preview"] = "false",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        if (provider == TestDatabases.Sqlite)
        {
            File.Copy(Path.Combine(fixtures, fixture + ".sqlite"), Path.Combine(dataPath, "smile.db"));
        }
        else
        {
            var server = await databases.PostgresAsync();
            var name = "upgrade_" + Guid.NewGuid().ToString("N")[..12];
            await server.ExecuteAsync($"CREATE DATABASE {name}");
            var (exit, output) = await PublishedApp.RunAsync(
                "/usr/lib/postgresql/15/bin/psql",
                ["-h", "127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "smile", "-d", name, "-v", "ON_ERROR_STOP=1", "-q", "-f", Path.Combine(fixtures, fixture + ".postgres.sql")],
                Path.GetTempPath());
            Assert.True(exit == 0, "psql could not restore the fixture: " + output);
            settings["Smile:Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Smile"] = server.ConnectionString(name);
        }

        return new RestoredFixture(dataPath, settings);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
        return ValueTask.CompletedTask;
    }
}
