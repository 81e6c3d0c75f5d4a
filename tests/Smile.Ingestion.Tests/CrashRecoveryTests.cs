using Microsoft.Data.Sqlite;
using Npgsql;

namespace Smile.Ingestion.Tests;

/// <remarks>Each test has a broker of its own: a CMS subscribes to every sensor topic, and must see only its test's messages.</remarks>
public sealed class CrashRecoveryTests(TestDatabases databases)
{
    private const int Messages = 3000;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Killing_the_ingestion_process_mid_stream_loses_nothing_and_stores_nothing_twice(string provider)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var installation = await CmsInstallation.CreateAsync(databases, provider);
        var settings = IngestionSettings.For(broker.Port);
        foreach (var (key, value) in installation.Settings)
        {
            settings[key] = value;
        }

        settings["Smile:Ingestion:BatchSize"] = "200";
        var start = DateTime.UtcNow.AddDays(-3);
        var first = await CmsNode.StartAsync("ingesting", settings);
        await using (var sensor = await Publisher.ConnectAsync(broker.Port))
        {
            for (var i = 0; i < Messages; i++)
            {
                await sensor.PublishAsync(Payloads.Topic(Payloads.SoilMoisture), Payloads.Observation(start.AddSeconds(i), i % 100));
                if (i == Messages / 3)
                {
                    // Some batches are committed by now, others are in flight: kill the process between them.
                    await Eventually.UntilAsync(() => CountAsync(provider, settings), n => n > 0, TimeSpan.FromSeconds(20));
                    await first.KillAsync();
                }
            }
        }

        await first.DisposeAsync();
        var storedWhileDown = await CountAsync(provider, settings);
        await using var second = await CmsNode.StartAsync("ingesting", settings);
        var stored = await Eventually.UntilAsync(() => CountAsync(provider, settings), n => n >= Messages, TimeSpan.FromSeconds(60));

        Assert.InRange(storedWhileDown, 1, Messages - 1);
        Assert.Equal(Messages, stored);
        // Exactly once in the aggregates too: a redelivered message must not be counted again.
        Assert.Equal(Messages, await ScalarAsync(provider, settings, "SELECT SUM(observation_count) FROM observation_aggregates WHERE resolution = 'H'"));
    }

    private static Task<long> CountAsync(string provider, Dictionary<string, string?> settings) =>
        ScalarAsync(provider, settings, $"SELECT COUNT(*) FROM observations WHERE datastream_id = '{Payloads.SoilMoisture}'");

    private static async Task<long> ScalarAsync(string provider, Dictionary<string, string?> settings, string sql)
    {
        if (provider == TestDatabases.Postgres)
        {
            await using var connection = new NpgsqlConnection(settings["ConnectionStrings:Smile"]);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var sqlite = new SqliteConnection(Storage.Sqlite.SqliteStorage.ConnectionStringFor(settings["Smile:DataPath"]!));
        await sqlite.OpenAsync();
        await using var query = sqlite.CreateCommand();
        query.CommandText = sql;
        var value = await query.ExecuteScalarAsync();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
