using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ledger.Infrastructure.IntegrationTests.RateLimiting;

public sealed record CapturedLog(LogLevel Level, string Category, EventId EventId, string Message);

/// <summary>Keeps one app's log lines in memory, for assertions on what it logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public IReadOnlyList<CapturedLog> WithEvent(string eventName) =>
        [.. _entries.Where(entry => entry.EventId.Name == eventName)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        ) =>
            entries.Enqueue(
                new CapturedLog(logLevel, category, eventId, formatter(state, exception))
            );
    }
}
