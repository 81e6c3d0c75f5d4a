namespace Smile.Cms.Configuration;

/// <summary><c>Smile:Telemetry:Prometheus</c>: a scrape endpoint for the metrics, off unless enabled.</summary>
public sealed class PrometheusOptions
{
    public bool Enabled { get; set; }

    public string Path { get; set; } = "/metrics";

    /// <summary>Networks (CIDR, e.g. <c>10.20.0.0/16</c>) scrapers may come from; empty allows any address.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>When set, scrapers must send <c>Authorization: Bearer</c> with it.</summary>
    public string? BearerToken { get; set; }
}
