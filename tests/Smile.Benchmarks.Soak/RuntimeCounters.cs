using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Smile.Benchmarks.Soak;

/// <summary>
/// A node's memory: its GC heap right after a full blocking collection induced over EventPipe (as dotnet-gcdump
/// induces one), so the heap is what is alive and not what the last collection happened to leave; and its
/// resident set from /proc.
/// </summary>
internal sealed record NodeMemory(double GcHeapMb, double WorkingSetMb)
{
    public static async Task<NodeMemory> ReadAsync(int processId)
    {
        var heap = await HeapAfterFullCollectionAsync(new DiagnosticsClient(processId));
        return new NodeMemory(heap / 1024 / 1024, ResidentKb(processId) / 1024);
    }

    private static async Task<double> HeapAfterFullCollectionAsync(DiagnosticsClient client)
    {
        const long GcKeyword = 0x1;
        const long GcHeapCollectKeyword = 0x800000; // asks the runtime for an induced gen 2 collection
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword);
        using var session = client.StartEventPipeSession([provider], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var heap = double.NaN;
        var sawInduced = false;
        source.Clr.GCStart += e => sawInduced |= e.Depth == 2 && e.Reason is Microsoft.Diagnostics.Tracing.Parsers.Clr.GCReason.Induced or Microsoft.Diagnostics.Tracing.Parsers.Clr.GCReason.InducedNotForced;
        source.Clr.GCHeapStats += e =>
        {
            if (sawInduced && double.IsNaN(heap))
            {
                heap = e.TotalHeapSize;
                session.Stop();
            }
        };
        var processing = Task.Run(source.Process);
        if (await Task.WhenAny(processing, Task.Delay(TimeSpan.FromSeconds(30))) != processing)
        {
            session.Stop();
            await processing;
        }

        return heap;
    }

    private static double ResidentKb(int processId) =>
        File.ReadLines($"/proc/{processId}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault(double.NaN);
}
