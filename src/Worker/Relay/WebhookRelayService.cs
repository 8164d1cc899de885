using Ledger.Application.Webhooks;
using Ledger.Application.Webhooks.Commands.DeliverWebhooks;
using Ledger.Application.Webhooks.Commands.RelayWebhookEvents;
using Ledger.Infrastructure.Webhooks;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ledger.Worker.Relay;

/// <summary>
/// The webhook relay of this worker node (ADR 0032): woken by a notification after every commit
/// that wrote outbox events or queued deliveries, or by the poll interval (retries come due
/// that way), it sends <see cref="RelayWebhookEvents"/> (fan-out) and <see cref="DeliverWebhooks"/>
/// (a delivery round) until neither finds work, then sleeps. Each command runs in a scope and a
/// transaction of its own; every node runs one, and their claims never overlap. Not a Quartz
/// job: it runs all the time, and its rounds are logged by the pipeline, not in <c>job_runs</c>.
/// </summary>
public sealed partial class WebhookRelayService(
    IServiceScopeFactory scopes,
    WebhookWakeups wakeups,
    IOptions<WebhookOptions> options,
    ILogger<WebhookRelayService> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = wakeups.ListenAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    while (await RoundAsync(stoppingToken))
                    {
                        // More may be waiting: go on without sleeping.
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception failure)
                {
                    // The pipeline has logged the failure; the round rolled back and is retried.
                    LogRoundFailed(logger, failure.GetType().Name);
                }

                try
                {
                    await wakeups.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            await listening;
        }
    }

    /// <summary>One fan-out and one delivery round; true when either found work.</summary>
    private async Task<bool> RoundAsync(CancellationToken cancellationToken)
    {
        int relayed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            relayed = await scope
                .ServiceProvider.GetRequiredService<ISender>()
                .Send(new RelayWebhookEvents(), cancellationToken);
        }

        int attempted;
        await using (var scope = scopes.CreateAsyncScope())
        {
            attempted = await scope
                .ServiceProvider.GetRequiredService<ISender>()
                .Send(new DeliverWebhooks(), cancellationToken);
        }

        return relayed > 0 || attempted > 0;
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "A webhook relay round failed ({Failure}); retrying after the poll interval."
    )]
    private static partial void LogRoundFailed(ILogger logger, string failure);
}
