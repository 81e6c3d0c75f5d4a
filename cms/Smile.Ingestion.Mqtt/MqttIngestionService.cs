using System.Buffers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Smile.Ingestion.Pipeline;
using Smile.Storage.Leases;

namespace Smile.Ingestion.Mqtt;

/// <summary>
/// Subscribes with QoS 1 in a persistent session and hands every message to the pipeline. A message is
/// acknowledged (PUBACK) only after its batch is committed, so a crash loses nothing: the broker sends the
/// unacknowledged messages again and the store drops what it already has. Runs only on the node holding the
/// lease; a lost broker is retried with growing delays while the health check reports degraded.
/// </summary>
public sealed partial class MqttIngestionService(
    IngestionPipeline pipeline,
    ILeaseProvider leases,
    MqttConnectionState state,
    IOptions<MqttIngestionOptions> options,
    ILogger<MqttIngestionService> logger) : BackgroundService
{
    public const string LeaseName = "mqtt-ingestion";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        IAsyncDisposable? lease = null;
        var delay = TimeSpan.FromSeconds(1);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                lease ??= await leases.TryAcquireAsync(LeaseName, stoppingToken);
                if (lease is null)
                {
                    state.Set("standby (another node holds the lease)", healthy: true);
                    await Task.Delay(settings.StandbyRetry, stoppingToken);
                    continue;
                }

                try
                {
                    var connectedFor = await RunConnectionAsync(settings, stoppingToken);
                    if (connectedFor > TimeSpan.FromSeconds(10))
                    {
                        delay = TimeSpan.FromSeconds(1);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    state.Set($"broker {settings.Host}:{settings.Port} unreachable ({ex.Message}); retrying in {delay.TotalSeconds:0} s", healthy: false);
                    LogConnectFailed(logger, settings.Host, settings.Port, delay, ex);
                }

                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxReconnectDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
        finally
        {
            state.Set("stopped", healthy: true);
            if (lease is not null)
            {
                await lease.DisposeAsync();
            }
        }
    }

    /// <summary>Connects, subscribes, and returns when the connection is lost (or the host stops).</summary>
    private async Task<TimeSpan> RunConnectionAsync(MqttIngestionOptions settings, CancellationToken stoppingToken)
    {
        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += e =>
        {
            lost.TrySetResult();
            return Task.CompletedTask;
        };
        client.ApplicationMessageReceivedAsync += e => ReceiveAsync(e, stoppingToken);

        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(settings.ClientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)settings.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum((ushort)Math.Clamp(settings.ReceiveMaximum, 1, ushort.MaxValue))
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(settings.Username))
        {
            builder.WithCredentials(settings.Username, settings.Password);
        }

        if (settings.UseTls)
        {
            builder.WithTlsOptions(tls => tls.UseTls());
        }

        var connected = await client.ConnectAsync(builder.Build(), stoppingToken);
        var since = DateTime.UtcNow;
        var subscribe = factory.CreateSubscribeOptionsBuilder();
        foreach (var topic in settings.Topics)
        {
            subscribe.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await client.SubscribeAsync(subscribe.Build(), stoppingToken);
        state.Set("connected", healthy: true);
        LogConnected(logger, settings.Host, settings.Port, connected.IsSessionPresent);

        await lost.Task.WaitAsync(stoppingToken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        if (stoppingToken.IsCancellationRequested)
        {
            // Leave without acknowledging what is still queued: the broker keeps it for the next start.
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
            return DateTime.UtcNow - since;
        }

        state.Set($"connection to {settings.Host}:{settings.Port} lost; reconnecting", healthy: false);
        LogConnectionLost(logger, settings.Host, settings.Port);
        return DateTime.UtcNow - since;
    }

    private async Task ReceiveAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken stoppingToken)
    {
        e.AutoAcknowledge = false;
        var topic = e.ApplicationMessage.Topic;
        var format = topic.StartsWith("v3/", StringComparison.Ordinal) ? MessageFormat.TheThingsStack : MessageFormat.SensorThings;
        var message = new IngestionMessage(format, topic, e.ApplicationMessage.Payload.ToArray()) { Source = IngestionSource.Mqtt };
        Task<IngestionOutcome> committed;
        try
        {
            // Waits while the pipeline's queue is full: the broker then holds the rest (back-pressure).
            committed = await pipeline.SubmitAsync(message, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        _ = AcknowledgeWhenCommittedAsync(e, committed);
    }

    private async Task AcknowledgeWhenCommittedAsync(MqttApplicationMessageReceivedEventArgs e, Task<IngestionOutcome> committed)
    {
        try
        {
            await committed;
            await e.AcknowledgeAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Not committed (the host is stopping) or the connection is gone: no PUBACK, so the broker redelivers.
            LogNotAcknowledged(logger, e.ApplicationMessage.Topic, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT connected to {Host}:{Port} (session present: {SessionPresent})")]
    private static partial void LogConnected(ILogger logger, string host, int port, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection to {Host}:{Port} lost")]
    private static partial void LogConnectionLost(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker {Host}:{Port} unreachable; retrying in {Delay}")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT message on {Topic} not acknowledged: {Reason}")]
    private static partial void LogNotAcknowledged(ILogger logger, string topic, string reason);
}
