using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Npgsql;
using Smile.Benchmarks.Soak;
using Smile.Testing;

// dotnet run -c Release --project tests/Smile.Benchmarks.Soak -- [--minutes 10] [--warmup-seconds 60] [--reads-per-second 40] [--edits-per-second 0.5] [--mqtt-per-second 20]
var minutes = Option("--minutes", 10.0);
var warmup = TimeSpan.FromSeconds(Option("--warmup-seconds", 60.0));
var readsPerSecond = Option("--reads-per-second", 40.0);
var editsPerSecond = Option("--edits-per-second", 0.5);
var mqttPerSecond = Option("--mqtt-per-second", 20.0);
var command = "dotnet run -c Release --project tests/Smile.Benchmarks.Soak -- " + string.Join(' ', args);
const string Datastream = "datastream-dierkow-bodenfeuchte";
var invariant = CultureInfo.InvariantCulture;

var folder = Path.Combine(Path.GetTempPath(), "smile-soak-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
// Durable PostgreSQL (fsync, synchronous commit), as in production.
await using var postgres = await PostgresServer.StartAsync(durable: true);
await using var broker = await MosquittoBroker.StartAsync();
await postgres.ExecuteAsync("CREATE DATABASE smile_soak");
var connectionString = postgres.ConnectionString("smile_soak");
var password = "Soak-" + Guid.NewGuid().ToString("N")[..12] + "-a1";
Dictionary<string, string?> Settings(string node) => new()
{
    ["Smile:Database:Provider"] = "Postgres",
    ["ConnectionStrings:Smile"] = connectionString + ";Application Name=smile-node-" + node,
    ["Smile:DataPath"] = Path.Combine(folder, "node-" + node),
    ["Smile:Media:Folder"] = Path.Combine(folder, "media"),
    ["Smile:Search:NodeName"] = "node-" + node,
    ["Smile:Site:Preview"] = "false",
    ["Smile:Admin:Password"] = password,
    ["Smile:Ingestion:Mqtt:Enabled"] = "true",
    ["Smile:Ingestion:Mqtt:Host"] = "127.0.0.1",
    ["Smile:Ingestion:Mqtt:Port"] = broker.Port.ToString(invariant),
    ["Smile:Ingestion:Mqtt:ClientId"] = "smile-soak",
    // The soak reads the API at a steady rate from one address per node; the public rate limit is not under test.
    ["Smile:Api:RequestsPerMinutePerClient"] = "1000000",
};

Console.WriteLine("Starting two CMS nodes on one PostgreSQL ...");
var startA = CmsNode.StartAsync("A", Settings("a"));
var startB = CmsNode.StartAsync("B", Settings("b"));
await using var a = await startA;
await using var b = await startB;
CmsNode[] nodes = [a, b];
using var editor = await EditorClient.SignInAsync(a, "admin@smile.local", password);
var recorder = new Recorder();
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
using var stop = new CancellationTokenSource();

var reads = new (string Kind, bool Get, string Query)[]
{
    ("read: latest news (GET)", true, "{ newsArticles(first: 10) { nodes { id title path teaser publishedAt } } }"),
    ("read: sensor value (GET)", true, $$"""{ datastream(id: "{{Datastream}}") { title latest { result phenomenonTime } } }"""),
    ("read: search (POST)", false, """{ search(query: "Rostock", first: 5) { totalCount edges { node { id title } } } }"""),
};

async Task<bool> ReadAsync(CmsNode node, (string Kind, bool Get, string Query) read)
{
    using var response = read.Get
        ? await http.GetAsync(new Uri(node.Address, "/api/graphql?query=" + Uri.EscapeDataString(read.Query)), stop.Token)
        : await http.PostAsync(new Uri(node.Address, "/api/graphql"), new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = read.Query }), Encoding.UTF8, "application/json"), stop.Token);
    var body = await response.Content.ReadAsStringAsync(stop.Token);
    return response.IsSuccessStatusCode && !body.Contains("\"errors\"", StringComparison.Ordinal);
}

var workers = new List<Task>();
// Two readers per node; each cycles through the queries.
for (var i = 0; i < 4; i++)
{
    var node = nodes[i % 2];
    var next = i;
    workers.Add(PacedAsync(readsPerSecond / 4, stop.Token, () =>
    {
        var read = reads[next++ % reads.Length];
        return recorder.RunAsync(read.Kind, () => ReadAsync(node, read));
    }));
}

var edits = 0;
workers.Add(PacedAsync(editsPerSecond, stop.Token, async () =>
{
    var node = nodes[edits++ % 2];
    string? id = null;
    await recorder.RunAsync("edit: save draft (admin form)", async () =>
    {
        id = await editor.CreateNewsAsync(node, $"Dauerlauf-Meldung {edits} aus Rostock", publish: false);
        return true;
    });
    if (id is not null)
    {
        await recorder.RunAsync("edit: publish (admin form)", async () =>
        {
            using var response = await editor.PostFormAsync(node, $"/admin/content/item/{id}?handler=publish", new() { ["basedOn"] = "1" }, tokenFrom: $"/admin/content/item/{id}");
            return response.StatusCode == System.Net.HttpStatusCode.Redirect;
        });
    }
}));

var sensor = new MqttClientFactory().CreateMqttClient();
await sensor.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("soak-sensor").Build());
var firstReading = DateTime.UtcNow.AddDays(-1);
var published = 0;
workers.Add(PacedAsync(mqttPerSecond, stop.Token, () => recorder.RunAsync("ingest: MQTT publish (broker ack)", async () =>
{
    var payload = $$"""{"phenomenonTime": "{{firstReading.AddSeconds(published).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", invariant)}}", "result": {{published % 40}}}""";
    var result = await sensor.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"v1.1/Datastreams({Datastream})/Observations")
        .WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), stop.Token);
    Interlocked.Increment(ref published);
    return result.IsSuccess;
})));

Console.WriteLine($"Warming up for {warmup.TotalSeconds:0} s ...");
await Task.Delay(warmup);
var memoryStart = await Task.WhenAll(nodes.Select(n => NodeMemory.ReadAsync(n.ProcessId)));
var cpuStart = nodes.Select(n => CpuSeconds(n.ProcessId)).ToArray();
var storedStart = await StoredAsync();
var loadStart = File.ReadAllText("/proc/loadavg").Trim();
recorder.Start();
Console.WriteLine($"Measuring for {minutes} minutes ...");
var end = DateTime.UtcNow.AddMinutes(minutes);
while (DateTime.UtcNow < end)
{
    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Max(0.1, (end - DateTime.UtcNow).TotalSeconds))));
    Console.WriteLine($"  {recorder.Measured.Elapsed:mm\\:ss} {string.Join(", ", recorder.Kinds.Select(k => $"{k} {recorder.Summary(k).Count}"))}");
}

var memoryEnd = await Task.WhenAll(nodes.Select(n => NodeMemory.ReadAsync(n.ProcessId)));
var cpuEnd = nodes.Select(n => CpuSeconds(n.ProcessId)).ToArray();
var loadEnd = File.ReadAllText("/proc/loadavg").Trim();
recorder.Stop();
var measuredSeconds = recorder.Measured.Elapsed.TotalSeconds;
await stop.CancelAsync();
await Task.WhenAll(workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
// Every reading the broker acknowledged must be stored, once: wait for the last batches.
var sent = published;
var storedEnd = await WaitStoredAsync(sent);
await sensor.DisconnectAsync();
sensor.Dispose();

var report = new StringBuilder();
report.AppendLine("# Soak: two nodes on one PostgreSQL").AppendLine();
report.AppendLine($"Rerun: `{command.TrimEnd()}` (defaults: `--minutes 10 --warmup-seconds 60 --reads-per-second 40 --edits-per-second 0.5 --mqtt-per-second 20`)").AppendLine();
report.AppendLine($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: two CMS processes (Release build, `dotnet Smile.Cms.dll`) on one durable PostgreSQL 15 (fsync on), a Mosquitto broker, loopback; "
    + $"{warmup.TotalSeconds:0} s warm-up, then {measuredSeconds / 60:0.0} minutes measured. Machine: {Environment.ProcessorCount} cores, load average at start `{loadStart}`, at end `{loadEnd}` "
    + "(shared with other work: latencies are noisy, CPU seconds per request less so).").AppendLine();
report.AppendLine("Load: anonymous GraphQL reads on both nodes (two readers each, cycling through the three queries), an editor signed in once on node A saving a news draft and publishing it through the admin forms "
    + "on A and B in turn (each timing includes fetching the form for its anti-forgery token, as a browser does), one sensor publishing QoS 1 readings over MQTT to the node holding the ingestion lease.").AppendLine();
report.AppendLine("| kind | requests | per second | p50 ms | p99 ms | errors |");
report.AppendLine("|---|---:|---:|---:|---:|---:|");
var errors = 0;
foreach (var kind in recorder.Kinds)
{
    var (count, p50, p99, failed) = recorder.Summary(kind);
    errors += failed;
    report.AppendLine(invariant, $"| {kind} | {count:N0} | {count / measuredSeconds:0.0} | {p50:0.0} | {p99:0.0} | {failed} |");
}

var lost = sent - storedEnd;
errors += Math.Max(0, (int)lost);
report.AppendLine().AppendLine(invariant, $"Sensor readings: {sent:N0} acknowledged by the broker, {storedEnd:N0} stored (stored during the measured window: {(storedEnd - storedStart):N0}); missing: {lost}. Errors in all: **{errors}** (goal 0).");
if (recorder.ErrorSamples.Count > 0)
{
    report.AppendLine().AppendLine("First errors:").AppendLine();
    foreach (var sample in recorder.ErrorSamples)
    {
        report.AppendLine("- " + sample.ReplaceLineEndings(" "));
    }
}

report.AppendLine().AppendLine("Memory of each node after the warm-up and at the end, GC heap after a full collection, resident set from /proc (goal: growth under 10 %); CPU seconds the node used while measured:").AppendLine();
report.AppendLine("| node | GC heap start MB | GC heap end MB | growth | working set (RSS) start MB | working set end MB | growth | CPU s | CPU ms per request |");
report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
var requests = recorder.Kinds.Where(k => !k.StartsWith("ingest", StringComparison.Ordinal)).Sum(k => recorder.Summary(k).Count);
for (var i = 0; i < nodes.Length; i++)
{
    var cpu = cpuEnd[i] - cpuStart[i];
    report.AppendLine(invariant, $"| {nodes[i].Name} | {memoryStart[i].GcHeapMb:0.0} | {memoryEnd[i].GcHeapMb:0.0} | {Growth(memoryStart[i].GcHeapMb, memoryEnd[i].GcHeapMb)} | {memoryStart[i].WorkingSetMb:0} | {memoryEnd[i].WorkingSetMb:0} | {Growth(memoryStart[i].WorkingSetMb, memoryEnd[i].WorkingSetMb)} | {cpu:0.0} | {cpu * 1000 / Math.Max(1, requests / 2.0):0.00} |");
}

report.AppendLine().AppendLine("The GC heap is measured right after a full blocking collection induced over EventPipe (as dotnet-gcdump does), so it is what the node keeps alive. CPU per request counts each node's half of the reads and edits and all it did besides (ingestion on the lease holder, search indexing, outbox following).");
var results = Path.Combine(Repository.Root, "tests", "Smile.Benchmarks.Soak", "results");
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, "latest.md"), report.ToString());
Console.WriteLine(report);
try
{
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
    // the nodes may still hold an index file for a moment; it lives in /tmp
}

return errors == 0 ? 0 : 1;

async Task<long> StoredAsync()
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM observations WHERE datastream_id = '{Datastream}'", connection);
    return (long)(await count.ExecuteScalarAsync())!;
}

async Task<long> WaitStoredAsync(long expected)
{
    var deadline = DateTime.UtcNow.AddSeconds(60);
    long stored;
    while ((stored = await StoredAsync()) < expected && DateTime.UtcNow < deadline)
    {
        await Task.Delay(200);
    }

    return stored;
}

static async Task PacedAsync(double perSecond, CancellationToken stop, Func<Task> step)
{
    // Open pacing: a slow answer delays the next step, but a late step does not bring on a burst to catch up.
    var interval = TimeSpan.FromSeconds(1 / perSecond);
    var next = DateTime.UtcNow;
    while (!stop.IsCancellationRequested)
    {
        await step();
        next += interval;
        var wait = next - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        else
        {
            next = DateTime.UtcNow;
        }
    }
}

static double CpuSeconds(int processId)
{
    var fields = File.ReadAllText($"/proc/{processId}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0; // utime + stime in USER_HZ
}

static string Growth(double start, double end) => double.IsNaN(start) || start == 0 ? "–" : ((end - start) / start).ToString("+0.0 %;-0.0 %", CultureInfo.InvariantCulture);

double Option(string name, double fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
