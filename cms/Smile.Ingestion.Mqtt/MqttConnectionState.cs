using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Smile.Ingestion.Mqtt;

/// <summary>What the MQTT client is doing, for the health check: degraded while the broker cannot be reached.</summary>
public sealed class MqttConnectionState : IHealthCheck
{
    private volatile string _state = "not started";
    private volatile bool _healthy = true;

    public string State => _state;

    public bool IsConnected => _state == "connected";

    public void Set(string state, bool healthy)
    {
        _state = state;
        _healthy = healthy;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_healthy ? HealthCheckResult.Healthy("MQTT: " + _state) : HealthCheckResult.Degraded("MQTT: " + _state));
}
