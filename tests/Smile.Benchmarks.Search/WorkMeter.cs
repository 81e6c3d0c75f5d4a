using System.Diagnostics;

namespace Smile.Benchmarks.Search;

/// <summary>
/// The processor time and memory a stretch of work took, over every thread of the process (server and client
/// alike): on a shared machine these barely move with the load, unlike wall-clock latencies.
/// </summary>
internal readonly record struct WorkMeter(TimeSpan Cpu, long Allocated)
{
    public static WorkMeter Start() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false));

    public Work PerOperation(int operations) => operations == 0
        ? new Work(double.NaN, double.NaN)
        : new Work(
            (Process.GetCurrentProcess().TotalProcessorTime - Cpu).TotalMilliseconds / operations,
            (GC.GetTotalAllocatedBytes(precise: false) - Allocated) / 1024.0 / operations);
}

/// <summary>Processor milliseconds and allocated kilobytes per operation.</summary>
internal sealed record Work(double CpuMilliseconds, double AllocatedKilobytes)
{
    public override string ToString() => FormattableString.Invariant($"{CpuMilliseconds:0.00} ms / {AllocatedKilobytes:N0} KB");
}
