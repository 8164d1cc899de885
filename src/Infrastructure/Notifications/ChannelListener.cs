using Npgsql;

namespace Ledger.Infrastructure.Notifications;

/// <summary>
/// Keeps one dedicated connection listening on a PostgreSQL notification channel until the host
/// stops: each notification's payload goes to <c>notified</c>; <c>listening</c> is told true once
/// the LISTEN is in place and false when the connection is lost, after which it connects again a
/// second later (a lost connection goes to <c>lost</c>, for the caller's own log line). The
/// webhook wake-ups and the session invalidations listen this way.
/// </summary>
internal static class ChannelListener
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    /// <summary>A connection string for the listening connection: unpooled, with keep-alives.</summary>
    public static string Dedicated(string? connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 15,
        }.ConnectionString;

    public static async Task ListenAsync(
        string dedicatedConnectionString,
        string channel,
        Action<string> notified,
        Action<bool> listening,
        Action<Exception> lost,
        CancellationToken stoppingToken
    )
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(dedicatedConnectionString);
                connection.Notification += (_, notification) => notified(notification.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                listening(true);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                lost(failure);
            }
            finally
            {
                listening(false);
            }

            try
            {
                await Task.Delay(Reconnect, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
