using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Smile.Benchmarks.Ingestion;
using Smile.Content.Observations;
using Smile.Storage.Observations;
using Smile.Testing;
using Smile.Testing.Cms;

// dotnet run -c Release --project tests/Smile.Benchmarks.Ingestion -- [--messages 100000] [--stored 1000000] [--providers sqlite,postgres] [--batch-size 2000] [--durable yes|no] [--set Key=Value,...]
var messages = Option("--messages", 100_000);
var stored = Option("--stored", 1_000_000);
var providers = (Arg("--providers") ?? "sqlite,postgres").Split(',');
var batchSize = Arg("--batch-size"); // the ingestion default unless given
// PostgreSQL with fsync and synchronous commit on unless told otherwise: an acknowledged message must survive a power cut.
var durable = Arg("--durable") != "no";
var extraSettings = (Arg("--set") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=', 2)).ToList();
var started = Stopwatch.StartNew();
// Outside a test host, WebApplicationFactory is told the CMS's content root instead of guessing it.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SMILE_CMS", Path.Combine(Repository.Root, "cms", "Smile.Cms"));
await using var databases = new TestDatabases { DurablePostgres = durable };
await using var broker = await MosquittoBroker.StartAsync();
var rows = new List<string>();
foreach (var provider in providers)
{
    Console.WriteLine($"{provider}: starting the CMS with MQTT ingestion");
    var settings = new Dictionary<string, string?>
    {
        ["Smile:Ingestion:Mqtt:Enabled"] = "true",
        ["Smile:Ingestion:Mqtt:Host"] = "127.0.0.1",
        ["Smile:Ingestion:Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        ["Smile:Ingestion:Mqtt:ClientId"] = "bench-" + provider,
        ["Logging:LogLevel:Default"] = "Warning",
    };
    foreach (var pair in extraSettings)
    {
        settings[pair[0]] = pair[1];
    }

    if (batchSize is not null)
    {
        settings["Smile:Ingestion:BatchSize"] = batchSize;
    }

    await using var installation = await CmsInstallation.CreateAsync(databases, provider, settings);
    var sql = new SqlProbe(provider, installation.Settings);

    // The CMS subscribes once, goes away; the broker queues a burst for its session; the CMS comes back and
    // drains it. The rate is the CMS's own, not the single test publisher's (which manages a few thousand a second).
    await using (var away = installation.Start())
    {
        await Wait.ConnectedAsync(away.Services);
    }

    var published = await Flood.PublishAsync(broker.Port, messages);
    var postgresPort = provider == TestDatabases.Postgres ? new Npgsql.NpgsqlConnectionStringBuilder(installation.Settings["ConnectionStrings:Smile"]).Port : (int?)null;
    var drain = Stopwatch.StartNew();
    await using var cms = installation.Start();
    // CPU is counted from the first stored batch on: the host's start-up (JIT, migrations check) is not ingestion.
    var firstSeen = await sql.WaitForFirstAsync(Flood.Datastream);
    var cpuBefore = CpuTime.Now(postgresPort, broker.ProcessId);
    var drained = await sql.WaitForAsync(Flood.Datastream, messages);
    var drainSeconds = drain.Elapsed.TotalSeconds;
    var cpu = CpuTime.Now(postgresPort, broker.ProcessId) - cpuBefore;
    var perThousand = (TimeSpan t) => (t.TotalMilliseconds * 1000 / Math.Max(1, drained - firstSeen)).ToString("0", CultureInfo.InvariantCulture);
    var cpuCell = $"{perThousand(cpu.Cms)} / {(postgresPort is null ? "(in CMS)" : perThousand(cpu.Database))} / {perThousand(cpu.Broker)}";
    var ingestRate = await sql.StoredRateAsync(Flood.Datastream);
    var baseline = await sql.RawInsertAsync(messages);
    Console.WriteLine($"{provider}: drained {drained:N0} of {messages:N0} at {ingestRate:N0}/s (first to last commit; {drained / drainSeconds:N0}/s including start-up), publisher {published:N0}/s, raw INSERT {baseline:N0}/s, CPU ms per 1,000 CMS / database / broker {cpuCell}");

    var store = cms.Services.GetRequiredService<ObservationStore>();
    using var client = cms.CreateClient();
    var month = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    var step = TimeSpan.FromDays(30).TotalMilliseconds / stored;
    for (var offset = 0; offset < stored; offset += 5000)
    {
        await store.WriteAsync([.. Enumerable.Range(offset, Math.Min(5000, stored - offset)).Select(i =>
            new ObservationWrite(new Observation("datastream-dierkow-bodentemperatur", month.AddMilliseconds(Math.Floor(i * step)), 10 + (i % 200) / 10.0)))], []);
    }

    var query = "{ datastream(id: \"datastream-dierkow-bodentemperatur\") { observations(from: \"2026-04-01T00:00:00Z\", to: \"2026-05-01T00:00:00Z\", aggregate: HOUR, first: 1000) { phenomenonTime result min max count } } }";
    var graph = await Latency.MeasureAsync(async () =>
    {
        var answer = await GraphQLResponse.ReadAsync(await client.PostAsJsonAsync("/api/graphql", new { query }));
        if (answer.Data?["datastream"]?["observations"]?.AsArray().Count != 720)
        {
            throw new InvalidOperationException("The month did not answer 720 hours: " + answer.Body.ToJsonString()[..200]);
        }
    });
    var groupBy = await Latency.MeasureAsync(() => sql.HourlyGroupByAsync(month, month.AddDays(30)));
    Console.WriteLine($"{provider}: month of hours via GraphQL p50 {graph.P50:0.0} ms, GROUP BY p50 {groupBy.P50:0.0} ms");
    rows.Add($"| {provider} | {messages:N0} | {ingestRate:N0} | {drained / drainSeconds:N0} | {drained:N0} | {baseline:N0} | {cpuCell} | {stored:N0} | {graph.P50:0.0} / {graph.P95:0.0} | {groupBy.P50:0.0} / {groupBy.P95:0.0} |");
}

var report = new StringBuilder()
    .AppendLine("# Smile benchmarks: sensor data ingestion")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, run time {started.Elapsed.TotalMinutes:0.0} min")
    .AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}")
    .AppendLine(CultureInfo.InvariantCulture, $"- command: `dotnet run -c Release --project tests/Smile.Benchmarks.Ingestion -- --messages {messages} --stored {stored}{(durable ? "" : " --durable no")}{(batchSize is null ? "" : " --batch-size " + batchSize)}{(extraSettings.Count == 0 ? "" : " --set " + Arg("--set"))}`")
    .AppendLine(CultureInfo.InvariantCulture, $"- PostgreSQL: {(durable ? "fsync=on, synchronous_commit=on (durable, as in production)" : "fsync=off, synchronous_commit=off (as the test fixture)")}; SQLite: WAL, synchronous=FULL; load average at the end {LoadAverage()}")
    .AppendLine()
    .AppendLine("| provider | MQTT messages queued | MQTT → stored obs/s (first to last commit) | incl. CMS start-up obs/s | stored (zero loss = all) | raw batched INSERT rows/s | CPU ms per 1,000 obs: CMS / database / broker | observations stored | month of hourly aggregates via GraphQL p50 / p95 ms | SQL GROUP BY on the fly p50 / p95 ms |")
    .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
rows.ForEach(r => report.AppendLine(r));
report.AppendLine().AppendLine("""
    ## What was measured

    - MQTT: the CMS subscribes once (persistent session) and stops; one publisher sends the SensorThings
      Observations (QoS 1) to a local Mosquitto (persistence on, limits raised), which queues them for the
      session; the CMS starts again and drains them with its MQTT module (batches, PUBACK after commit) including
      the latest value and hourly and daily aggregates. The rate is messages over the time from the first to the
      last commit (`stored_at_ms`); the next column counts from the host's start. "stored" counts the rows (zero
      loss means all). The single test publisher itself manages only a few thousand QoS 1 messages a second on this
      machine, which is why the burst is queued first rather than timed live.
    - CPU: the CPU time this process (the CMS; with SQLite also the database), PostgreSQL's server processes and the
      broker used from the first stored batch until all messages were stored, per 1,000 observations stored in that
      time, read from `/proc`. The CMS's other work in that time (e.g. its site preview rebuilding station pages) counts.
      On a shared machine the rates move with what else runs; these hardly do.
    - Baseline: the same number of rows inserted by plain ADO.NET into the observations table, prepared and batched
      (SQLite: one prepared statement per row in 2,000-row transactions; PostgreSQL: `unnest` arrays per 2,000 rows),
      without aggregates.
    - Aggregates: the stored observations spread over 30 days of one datastream; the GraphQL query for its 720 hourly
      aggregates (HTTP POST in-process) against `GROUP BY` over the raw rows of that month in plain SQL. 10 warm-up
      rounds, then 50.
    """);
var output = Path.Combine(Repository.Root, "tests", "Smile.Benchmarks.Ingestion", "results", "latest.md");
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine(report);
return 0;

int Option(string name, int fallback) => Arg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";

string? Arg(string name) => Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? args[i + 1] : null;
