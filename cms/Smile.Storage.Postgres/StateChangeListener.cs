using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Smile.Storage.Content;
using Smile.Storage.Outbox;

namespace Smile.Storage.Postgres;

/// <summary>
/// LISTENs for the state signal every commit sends (<see cref="StateSignal"/>) and drops this node's cached
/// content state, so a publish or a type import on another node changes this node's answers and ETags at once.
/// A lost connection is reopened with growing delays; the cache's age limit covers the gap.
/// </summary>
public sealed partial class StateChangeListener(string connectionString, ContentStateCache cache, ILogger<StateChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        // Its own unpooled connection: LISTEN belongs to the session, and a pooled one would be reset.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, _) => cache.Invalidate();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand("LISTEN " + StateSignal.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                cache.Invalidate(); // whatever was committed while nobody listened
                delay = TimeSpan.FromSeconds(1);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                LogListenFailed(logger, delay, ex);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for state changes of other nodes; retrying in {Delay}")]
    private static partial void LogListenFailed(ILogger logger, TimeSpan delay, Exception exception);
}
