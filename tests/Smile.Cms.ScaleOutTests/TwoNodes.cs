using System.Security.Cryptography;

namespace Smile.Cms.ScaleOutTests;

/// <summary>
/// Two CMS nodes, A and B, as separate processes on one PostgreSQL database, one media folder and one Mosquitto
/// broker, with both schedulers, webhook senders and MQTT clients switched on: started once for the whole class.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public const string WebhookSecret = "zwei-knoten-webhook-geheimnis";
    public const string MqttClientId = "smile-scale-out";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smile-two-nodes-" + Guid.NewGuid().ToString("N")[..12]);
    private PostgresServer? _postgres;
    private MosquittoBroker? _broker;
    private WebhookReceiver? _receiver;
    private CmsNode? _a;
    private CmsNode? _b;

    public CmsNode A => _a ?? throw new InvalidOperationException("not started");

    public CmsNode B => _b ?? throw new InvalidOperationException("not started");

    public IEnumerable<CmsNode> Nodes => [A, B];

    public MosquittoBroker Broker => _broker ?? throw new InvalidOperationException("not started");

    public WebhookReceiver Receiver => _receiver ?? throw new InvalidOperationException("not started");

    public const string AdminEmail = "admin@smile.local";

    public string AdminPassword { get; } = "Pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(10)) + "-zwei-a1";

    public string ConnectionString { get; private set; } = "";

    /// <summary>The shared database, seen as a node sees it (no application name).</summary>
    public NodeDatabase Database => new(ConnectionString);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var postgres = PostgresServer.StartAsync();
        var broker = MosquittoBroker.StartAsync();
        _postgres = await postgres;
        _broker = await broker;
        _receiver = WebhookReceiver.Start();
        await _postgres.ExecuteAsync("CREATE DATABASE smile_two_nodes");
        ConnectionString = _postgres.ConnectionString("smile_two_nodes");
        // Started together on an empty database, as a deployment of two replicas starts: one migrates and seeds.
        var a = CmsNode.StartAsync("A", SettingsFor("a"));
        var b = CmsNode.StartAsync("B", SettingsFor("b"));
        _a = await a;
        _b = await b;
    }

    /// <summary>Starts a node again after a test killed it, so later tests have two nodes as well.</summary>
    public async Task RestartAsync(CmsNode node)
    {
        await node.DisposeAsync();
        var restarted = await CmsNode.StartAsync(node.Name, node.Settings);
        if (node == _a)
        {
            _a = restarted;
        }
        else
        {
            _b = restarted;
        }
    }

    public CmsNode Other(CmsNode node) => node == A ? B : A;

    public CmsNode NodeNamed(string applicationName) => applicationName == ApplicationName("a") ? A : B;

    public static string ApplicationName(string node) => "smile-node-" + node;

    private Dictionary<string, string?> SettingsFor(string node)
    {
        var dataPath = Path.Combine(_folder, "node-" + node);
        Directory.CreateDirectory(dataPath);
        return new Dictionary<string, string?>
        {
            ["Smile:Database:Provider"] = "Postgres",
            // The application name tells the nodes apart in pg_stat_activity, e.g. who holds a lease.
            ["ConnectionStrings:Smile"] = ConnectionString + ";Application Name=" + ApplicationName(node),
            // Long enough that only the state signal of a commit on the other node can refresh a node's answers.
            ["Smile:Database:StateMaxAge"] = "00:10:00",
            ["Smile:DataPath"] = dataPath,
            ["Smile:Media:Folder"] = Path.Combine(_folder, "media"),
            ["Smile:Search:NodeName"] = "node-" + node,
            ["Smile:Site:Preview"] = "false",
            ["Smile:Admin:Password"] = AdminPassword,
            ["Smile:Scheduler:Interval"] = "00:00:00.300",
            ["Smile:Webhooks:Receivers:0:Name"] = "test-receiver",
            ["Smile:Webhooks:Receivers:0:Url"] = Receiver.Url,
            ["Smile:Webhooks:Receivers:0:Secret"] = WebhookSecret,
            ["Smile:Webhooks:Debounce"] = "00:00:00.200",
            ["Smile:Webhooks:PollInterval"] = "00:00:00.200",
            ["Smile:Ingestion:Mqtt:Enabled"] = "true",
            ["Smile:Ingestion:Mqtt:Host"] = "127.0.0.1",
            ["Smile:Ingestion:Mqtt:Port"] = Broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // One client id for the deployment: the broker keeps one session, whichever node holds the lease.
            ["Smile:Ingestion:Mqtt:ClientId"] = MqttClientId,
            ["Smile:Ingestion:Mqtt:StandbyRetry"] = "00:00:00.500",
            ["Smile:Ingestion:BatchSize"] = "100",
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in new[] { _a, _b })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        _receiver?.Dispose();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow machine is not worth failing a test over; it lives in /tmp
        }
    }
}
