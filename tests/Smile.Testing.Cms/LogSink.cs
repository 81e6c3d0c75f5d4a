using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Smile.Testing.Cms;

public sealed record LogRecord(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);

/// <summary>Everything a host logged, with the structured values of each entry.</summary>
public sealed class LogSink
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => [.. _records];

    public void Add(LogRecord record) => _records.Enqueue(record);
}

/// <summary>Added through ConfigureLogging, next to the console: the host logs as it does in production.</summary>
public sealed class CapturingLoggerProvider(LogSink sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, LogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value)
                : [];
            sink.Add(new LogRecord(category, logLevel, formatter(state, exception), values));
        }
    }
}
