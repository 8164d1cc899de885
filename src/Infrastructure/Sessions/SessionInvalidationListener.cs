using System.Collections.Concurrent;
using Ledger.Infrastructure.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ledger.Infrastructure.Sessions;

/// <summary>
/// Listens on the <c>ledger_sessions</c> channel that the database's triggers notify on commit
/// (migration SessionInvalidationNotify) and makes the <see cref="SessionCache"/> forget the
/// subjects named. While not connected the cache is off, so a lost notification can never
/// keep an ended session alive. Also answers <see cref="BarrierAsync"/>: a notification this
/// host sends itself, seen only after every notification committed before it.
/// </summary>
public sealed partial class SessionInvalidationListener(
    SessionCache cache,
    SessionListenerConnection connection,
    ILogger<SessionInvalidationListener> logger
) : BackgroundService
{
    public const string Channel = "ledger_sessions";
    private const string SubjectPrefix = "s:";
    private const string BarrierPrefix = "b:";

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _barriers = new(
        StringComparer.Ordinal
    );

    /// <summary>
    /// Returns once this host has seen every session change committed so far: called after a
    /// commit that may have ended sessions, so that this host's next request already knows.
    /// </summary>
    public async Task BarrierAsync(CancellationToken cancellationToken)
    {
        if (!cache.IsEnabled)
        {
            return;
        }

        var id = Guid.NewGuid().ToString("N");
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _barriers[id] = seen;
        try
        {
            await using (var notifier = new NpgsqlConnection(connection.Pooled))
            {
                await notifier.OpenAsync(cancellationToken);
                await using var notify = new NpgsqlCommand(
                    $"SELECT pg_notify('{Channel}', '{BarrierPrefix}{id}')",
                    notifier
                );
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }

            await seen.Task.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Not seen in time: forget everything rather than serve a session that may have ended.
            LogBarrierMissed(logger, failure.GetType().Name);
            cache.Clear();
        }
        finally
        {
            _barriers.TryRemove(id, out _);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ChannelListener.ListenAsync(
            connection.Dedicated,
            Channel,
            Handle,
            cache.SetListening,
            failure => LogListenerLost(logger, failure.GetType().Name),
            stoppingToken
        );

    private void Handle(string payload)
    {
        if (payload.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            cache.Invalidate(payload[SubjectPrefix.Length..]);
        }
        else if (
            payload.StartsWith(BarrierPrefix, StringComparison.Ordinal)
            && _barriers.TryGetValue(payload[BarrierPrefix.Length..], out var seen)
        )
        {
            seen.TrySetResult();
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Session invalidations unavailable ({Failure}); validating every token against the database until reconnected."
    )]
    private static partial void LogListenerLost(ILogger logger, string failure);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "A session change was not confirmed in time ({Failure}); the session cache was cleared."
    )]
    private static partial void LogBarrierMissed(ILogger logger, string failure);
}

/// <summary>The connection strings the listener uses: its own unpooled one, and the pool's for barriers.</summary>
public sealed record SessionListenerConnection(string Pooled, string Dedicated)
{
    public static SessionListenerConnection From(string connectionString) =>
        new(connectionString, ChannelListener.Dedicated(connectionString));
}
