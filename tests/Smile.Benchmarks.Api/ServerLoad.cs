using System.Diagnostics;

namespace Smile.Benchmarks.Api;

/// <summary>
/// The server's own CPU time and allocations (it runs in this process), so a run on a busy machine still
/// says what a request costs, and a wait for background work (search indexing after the seed) to end.
/// </summary>
internal sealed class ServerLoad
{
    private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _allocated = GC.GetTotalAllocatedBytes(precise: false);

    public static ServerLoad Start() => new();

    public (double CpuMicros, double AllocatedKb) PerRequest(long requests)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - _allocated;
        return requests == 0 ? (0, 0) : (cpu.TotalMicroseconds / requests, allocated / 1024.0 / requests);
    }

    /// <summary>Waits until the process uses under 5% of a core over two seconds; returns the last share measured.</summary>
    public static async Task<double> SettleAsync(TimeSpan atMost)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            await Task.Delay(TimeSpan.FromSeconds(2));
            var share = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds / 2;
            if (share < 0.05 || deadline.Elapsed > atMost)
            {
                return share;
            }
        }
    }

    /// <summary>The machine's cores; the pinned process itself sees one.</summary>
    public static int MachineCores() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").Count(l => l.StartsWith("processor", StringComparison.Ordinal)) : Environment.ProcessorCount;

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
