using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Security;
using Smile.Storage.ApiKeys;

namespace Smile.Ingestion.Tests;

/// <remarks>Each test has a broker of its own: a CMS subscribes to every sensor topic, and must see only its test's messages.</remarks>
public sealed class HttpIngestionTests(TestDatabases databases)
{
    [Fact]
    public async Task SensorThings_POST_needs_an_API_key_refuses_bad_observations_by_name_and_pages_with_nextLink()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);
        var key = await cms.Services.GetRequiredService<ApiKeyService>().CreateAsync("Sensorgateway", new HashSet<Permission> { Permission.IngestObservations }, "test");
        var start = DateTime.UtcNow.AddHours(-1);

        using var anonymous = await cms.Client.PostAsync($"/sta/v1.1/Datastreams('{Payloads.Lendings}')/Observations", Json(Payloads.Observation(start, 1)));
        var created = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await PostAsync(cms, "/sta/v1.1/Observations", $$$"""{"phenomenonTime": "{{{Payloads.Iso(start.AddMinutes(i))}}}", "result": {{{i + 1}}}, "Datastream": {"@iot.id": "{{{Payloads.Lendings}}}"}}""", key.Secret));
        }

        using var bad = await SendAsync(cms, $"/sta/v1.1/Datastreams('{Payloads.Lendings}')/Observations", Payloads.Observation(start, 1.5), key.Secret);
        var badBody = await bad.Content.ReadAsStringAsync();
        var page = JsonNode.Parse(await cms.Client.GetStringAsync($"/sta/v1.1/Datastreams('{Payloads.Lendings}')/Observations?$top=2"))!;
        var filtered = JsonNode.Parse(await cms.Client.GetStringAsync($"/sta/v1.1/Datastreams('{Payloads.Lendings}')/Observations?$filter=phenomenonTime%20ge%20{Payloads.Iso(start.AddMinutes(1))}"))!;
        using var unsupported = await cms.Client.GetAsync($"/sta/v1.1/Datastreams('{Payloads.Lendings}')/Observations?$filter=result%20gt%201");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.All(created, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("is not a count", badBody, StringComparison.Ordinal);
        Assert.Equal([1.0, 2.0], page["value"]!.AsArray().Select(o => o!["result"]!.GetValue<double>()));
        Assert.Contains("%24skip=2", page["@iot.nextLink"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([2.0, 3.0], filtered["value"]!.AsArray().Select(o => o!["result"]!.GetValue<double>()));
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
    }

    [Fact]
    public async Task A_new_reading_changes_the_ETag_so_a_cached_GraphQL_answer_is_not_served_stale()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);
        var key = await cms.Services.GetRequiredService<ApiKeyService>().CreateAsync("Sensorgateway", new HashSet<Permission> { Permission.IngestObservations }, "test");
        var url = "/api/graphql?query=" + Uri.EscapeDataString($"{{ datastream(id: \"{Payloads.Lendings}\") {{ latest {{ result }} }} }}");
        using var before = await cms.Client.GetAsync(url);
        var etag = before.Headers.ETag!.Tag;

        await PostAsync(cms, $"/sta/v1.1/Datastreams('{Payloads.Lendings}')/Observations", Payloads.Observation(DateTime.UtcNow.AddMinutes(-1), 4), key.Secret);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var after = await cms.Client.SendAsync(revalidate);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(4, JsonNode.Parse(await after.Content.ReadAsStringAsync())!["data"]!["datastream"]!["latest"]!["result"]!.GetValue<double>());
    }

    [Fact]
    public async Task Things_and_Datastreams_are_the_published_stations_with_location_and_unit()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);

        var things = JsonNode.Parse(await cms.Client.GetStringAsync("/sta/v1.1/Things"))!["value"]!.AsArray();
        var datastreams = JsonNode.Parse(await cms.Client.GetStringAsync("/sta/v1.1/Things('station-dierkow')/Datastreams"))!["value"]!.AsArray();
        using var missing = await cms.Client.GetAsync("/sta/v1.1/Datastreams('gibt-es-nicht')/Observations");

        var dierkow = things.Single(t => t!["@iot.id"]!.GetValue<string>() == "station-dierkow")!;
        Assert.Equal("Point", dierkow["Locations"]![0]!["location"]!["type"]!.GetValue<string>());
        Assert.Equal(["Bodenfeuchte", "Bodentemperatur"], datastreams.Select(d => d!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("%", datastreams.Single(d => d!["name"]!.GetValue<string>() == "Bodenfeuchte")!["unitOfMeasurement"]!["symbol"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_Things_Stack_webhook_checks_its_secret_and_keeps_an_unusable_uplink_as_a_dead_letter()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, IngestionSettings.For(broker.Port));
        var now = DateTime.UtcNow;

        using var wrongSecret = await WebhookAsync(cms, Payloads.Uplink(IngestionSettings.Device, now, 30, 12, 9), "falsch");
        using var stored = await WebhookAsync(cms, Payloads.Uplink(IngestionSettings.Device, now, 30, 12, 9), IngestionSettings.WebhookSecret);
        using var again = await WebhookAsync(cms, Payloads.Uplink(IngestionSettings.Device, now, 30, 12, 9), IngestionSettings.WebhookSecret);
        using var unusable = await WebhookAsync(cms, "{\"end_device_ids\": {\"device_id\": \"dierkow-node-1\"}, \"uplink_message\": {}}", IngestionSettings.WebhookSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("stored", (await stored.Content.ReadFromJsonAsync<JsonObject>())!["result"]!.GetValue<string>());
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonObject>())!["result"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, unusable.StatusCode);
        Assert.Contains("payload formatter", await unusable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<HttpStatusCode> PostAsync(RunningCms cms, string path, string json, string key)
    {
        using var response = await SendAsync(cms, path, json, key);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> SendAsync(RunningCms cms, string path, string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        request.Headers.Add("X-Api-Key", key);
        return cms.Client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> WebhookAsync(RunningCms cms, string json, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingestion/thethingsstack/uplink") { Content = Json(json) };
        request.Headers.Add("X-Smile-Webhook-Secret", secret);
        return cms.Client.SendAsync(request);
    }
}
