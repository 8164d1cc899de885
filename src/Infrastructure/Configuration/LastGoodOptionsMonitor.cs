using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Ledger.Infrastructure.Configuration;

/// <summary>
/// An options monitor that keeps the last valid values (ADR 0046). On a configuration change it
/// builds the section afresh through the options factory (binding, then every validator); if that
/// fails, the change is refused: the old values stay in force and the reason is logged (the
/// validators' messages and the setting's path, never its value). The framework's own monitor
/// would instead throw on every later read, turning a typo in a file into 500s.
/// </summary>
public sealed partial class LastGoodOptionsMonitor<TOptions>
    : IOptionsMonitor<TOptions>,
        IDisposable
    where TOptions : class
{
    private readonly IOptionsFactory<TOptions> _factory;
    private readonly ConfigurationReloadLog _log;
    private readonly ILogger _logger;
    private readonly string _section;
    private readonly List<IDisposable> _registrations = [];
    private readonly ConcurrentDictionary<string, TOptions> _current = new(StringComparer.Ordinal);
    private readonly Lock _listenersLock = new();
    private ImmutableListeners _listeners = ImmutableListeners.Empty;

    public LastGoodOptionsMonitor(
        IOptionsFactory<TOptions> factory,
        IEnumerable<IOptionsChangeTokenSource<TOptions>> sources,
        ConfigurationReloadLog log,
        ReloadableSection<TOptions> section,
        ILogger<LastGoodOptionsMonitor<TOptions>> logger
    )
    {
        _factory = factory;
        _log = log;
        _logger = logger;
        _section = section.Name;
        foreach (var source in sources)
        {
            _registrations.Add(ChangeToken.OnChange(source.GetChangeToken, Reload, source.Name));
        }
    }

    public TOptions CurrentValue => Get(Options.DefaultName);

    public TOptions Get(string? name) =>
        _current.GetOrAdd(name ?? Options.DefaultName, key => _factory.Create(key));

    public IDisposable? OnChange(Action<TOptions, string?> listener)
    {
        var registration = new Listener(this, listener);
        lock (_listenersLock)
        {
            _listeners = _listeners.Add(registration);
        }

        return registration;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Reload(string? name)
    {
        name ??= Options.DefaultName;
        TOptions fresh;
        try
        {
            fresh = _factory.Create(name);
        }
        catch (Exception exception)
            when (exception
                    is OptionsValidationException
                        or InvalidOperationException
                        or FormatException
                        or ArgumentException
            )
        {
            var reason = ReasonOf(exception);
            _log.Refused(_section, reason);
            LogRefused(_section, reason);
            return;
        }

        _current[name] = fresh;
        _log.Applied(_section);
        LogApplied(_section);
        foreach (var listener in _listeners.Items)
        {
            listener.Invoke(fresh, name);
        }
    }

    /// <summary>Validation messages as written; a binding error by the setting's path only.</summary>
    private static string ReasonOf(Exception exception) =>
        exception switch
        {
            OptionsValidationException validation => string.Join(" ", validation.Failures),
            _ when SettingPath().Match(exception.Message) is { Success: true } match =>
                $"The value at '{match.Groups[1].Value}' is not valid for its setting.",
            _ => $"The section could not be read ({exception.GetType().Name}).",
        };

    [GeneratedRegex(@"at '([^']+)'")]
    private static partial Regex SettingPath();

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Configuration reload refused for {Section}; the last good values stay in force: {Reason}"
    )]
    private partial void LogRefused(string section, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configuration reloaded for {Section}")]
    private partial void LogApplied(string section);

    private sealed class Listener(
        LastGoodOptionsMonitor<TOptions> monitor,
        Action<TOptions, string?> action
    ) : IDisposable
    {
        public void Invoke(TOptions options, string? name) => action(options, name);

        public void Dispose()
        {
            lock (monitor._listenersLock)
            {
                monitor._listeners = monitor._listeners.Remove(this);
            }
        }
    }

    private sealed class ImmutableListeners(IReadOnlyList<Listener> items)
    {
        public static readonly ImmutableListeners Empty = new([]);

        public IReadOnlyList<Listener> Items => items;

        public ImmutableListeners Add(Listener listener) => new([.. items, listener]);

        public ImmutableListeners Remove(Listener listener) =>
            new([.. items.Where(item => !ReferenceEquals(item, listener))]);
    }
}

/// <summary>The configuration section a reloadable options type is read from, for logs and reports.</summary>
public sealed record ReloadableSection<TOptions>(string Name)
    where TOptions : class;
