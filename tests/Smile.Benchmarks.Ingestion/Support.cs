using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Smile.Ingestion.Mqtt;

namespace Smile.Benchmarks.Ingestion;

internal static class Wait
{
    public static async Task ConnectedAsync(IServiceProvider services)
    {
        var state = services.GetRequiredService<MqttConnectionState>();
        for (var i = 0; i < 300 && !state.IsConnected; i++)
        {
            await Task.Delay(100);
        }
    }
}

internal static class Latency
{
    public static async Task<(double P50, double P95)> MeasureAsync(Func<Task> action, int warmUp = 10, int rounds = 50)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await action();
        }

        var times = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[rounds / 2], times[(int)(rounds * 0.95)]);
    }
}

internal static class Repository
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Smile.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? Directory.GetCurrentDirectory();
        }
    }
}
