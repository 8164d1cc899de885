using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Ledger.TestSupport;

/// <summary>
/// Writes every log line of the test run, with its structured values and scopes, to a file under
/// .local/test-logs, where the log scan (R7) reads them. Nothing is filtered: what the app would
/// send to a real log sink is what lands here.
/// </summary>
public sealed class FileLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly BlockingCollection<string> _lines = new(boundedCapacity: 100_000);
    private readonly Task _writer;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public FileLoggerProvider(string fileName)
    {
        Directory.CreateDirectory(TestEnvironment.LogsDirectory);
        var path = Path.Combine(TestEnvironment.LogsDirectory, fileName);
        _writer = Task.Factory.StartNew(
            () =>
            {
                using var stream = new StreamWriter(path, append: true, Encoding.UTF8);
                foreach (var line in _lines.GetConsumingEnumerable())
                {
                    stream.WriteLine(line);
                    // Hosts do not dispose providers added as instances, so nothing else would
                    // flush the tail of the buffer before the test process exits.
                    if (_lines.Count == 0)
                    {
                        stream.Flush();
                    }
                }
            },
            TaskCreationOptions.LongRunning
        );
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        _lines.CompleteAdding();
        _writer.Wait(TimeSpan.FromSeconds(10));
        _lines.Dispose();
    }

    private sealed class FileLogger(string category, FileLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            var line = new StringBuilder()
                .Append(logLevel)
                .Append(' ')
                .Append(category)
                .Append(": ")
                .Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    line.Append(" |").Append(key).Append('=').Append(value);
                }
            }

            provider._scopes.ForEachScope(
                (scope, builder) => builder.Append(" |scope=").Append(scope),
                line
            );
            if (exception is not null)
            {
                line.Append(" |exception=")
                    .Append(exception.ToString().ReplaceLineEndings(" \\n "));
            }

            if (!provider._lines.IsAddingCompleted)
            {
                provider._lines.TryAdd(line.ToString());
            }
        }
    }
}
