namespace Smile.Cms.Configuration;

/// <summary>The <c>Smile</c> configuration section (environment: <c>Smile__DataPath</c>, <c>Smile__Database__Provider</c>, ...).</summary>
public sealed class SmileOptions
{
    public const string Section = "Smile";

    /// <summary>The folder for the SQLite file, media and indexes; relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    public DatabaseOptions Database { get; set; } = new();

    public AdminOptions Admin { get; set; } = new();

    /// <summary>The recipe imported into an empty database; empty for none.</summary>
    public string SeedRecipe { get; set; } = "smile-city-rostock";

    public SchedulerOptions Scheduler { get; set; } = new();

    public ProxyOptions Proxy { get; set; } = new();

    public TelemetryOptions Telemetry { get; set; } = new();

    public HealthOptions Health { get; set; } = new();
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// How long a node trusts its cached content state (outbox position, schema version) without hearing of a
    /// commit. On PostgreSQL commits of every node are heard at once; this only bounds a lost listener.
    /// </summary>
    public TimeSpan StateMaxAge { get; set; } = Smile.Storage.Content.ContentStateCache.DefaultMaxAge;
}

public sealed class AdminOptions
{
    /// <summary>The first administrator's email. Used once, when the database has no users.</summary>
    public string Email { get; set; } = "admin@smile.local";

    /// <summary>Their password; when empty, a one-time password is generated and logged once.</summary>
    public string? Password { get; set; }
}

public sealed class SchedulerOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class ProxyOptions
{
    /// <summary>Addresses of reverse proxies whose X-Forwarded-* headers are trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) whose X-Forwarded-* headers are trusted: proxies without a fixed address.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

public sealed class TelemetryOptions
{
    /// <summary>An OTLP endpoint for metrics and traces; exporting is off when empty.</summary>
    public string? OtlpEndpoint { get; set; }

    public PrometheusOptions Prometheus { get; set; } = new();
}
