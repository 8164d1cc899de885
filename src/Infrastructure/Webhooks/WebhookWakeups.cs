using Ledger.Infrastructure.Configuration;
using Ledger.Infrastructure.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Ledger.Infrastructure.Webhooks;

/// <summary>
/// Wakes the relay when there is new work: triggers on <c>outbox_messages</c> and
/// <c>webhook_deliveries</c> notify the <c>ledger_webhooks</c> channel once per inserting
/// statement, delivered on COMMIT (migration WebhookDelivery). <see cref="ListenAsync"/> keeps a
/// dedicated connection listening (reconnecting after a loss); <see cref="WaitAsync"/> returns
/// at the next notification or after the poll interval, the fallback when one is lost.
/// </summary>
public sealed partial class WebhookWakeups(
    IConfiguration configuration,
    ILogger<WebhookWakeups> logger
)
{
    public const string Channel = "ledger_webhooks";

    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>True while the listening connection is up (then a commit wakes the relay at once).</summary>
    public bool IsListening { get; private set; }

    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _signal.WaitAsync(timeout, cancellationToken);

    public Task ListenAsync(CancellationToken stoppingToken) =>
        ChannelListener.ListenAsync(
            ChannelListener.Dedicated(ConnectionSettings.Database(configuration)),
            Channel,
            _ => Wake(),
            listening =>
            {
                IsListening = listening;
                if (listening)
                {
                    // Whatever committed while not listening is found by the round this starts.
                    Wake();
                }
            },
            failure => LogListenerLost(logger, failure.GetType().Name),
            stoppingToken
        );

    private void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Webhook wake-ups unavailable ({Failure}); the relay polls until reconnected."
    )]
    private static partial void LogListenerLost(ILogger logger, string failure);
}
