using System.Collections.Concurrent;
using System.Diagnostics;

namespace Smile.Benchmarks.Soak;

/// <summary>Latencies and errors per kind of work, from the moment it is switched on (after the warm-up).</summary>
internal sealed class Recorder
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _latencies = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly ConcurrentQueue<string> _errorSamples = new();
    private volatile bool _on;

    public Stopwatch Measured { get; } = new();

    public void Start()
    {
        _latencies.Clear();
        _errors.Clear();
        _on = true;
        Measured.Restart();
    }

    public void Stop()
    {
        _on = false;
        Measured.Stop();
    }

    /// <summary>Runs <paramref name="work"/>, timing it; false or an exception is an error.</summary>
    public async Task RunAsync(string kind, Func<Task<bool>> work)
    {
        var started = Stopwatch.GetTimestamp();
        bool ok;
        string? why = null;
        try
        {
            ok = await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ok = false;
            why = ex.GetType().Name + ": " + ex.Message;
        }

        if (!_on)
        {
            return;
        }

        _latencies.GetOrAdd(kind, _ => new()).Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (!ok)
        {
            _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
            if (_errorSamples.Count < 20)
            {
                _errorSamples.Enqueue($"{kind}: {why ?? "unexpected answer"}");
            }
        }
    }

    public IEnumerable<string> Kinds => _latencies.Keys.Order(StringComparer.Ordinal);

    public IReadOnlyList<string> ErrorSamples => [.. _errorSamples];

    public (int Count, double P50, double P99, int Errors) Summary(string kind)
    {
        var sorted = (_latencies.TryGetValue(kind, out var queue) ? queue.ToArray() : []).Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return (sorted.Length, At(0.50), At(0.99), _errors.GetValueOrDefault(kind));
    }
}
