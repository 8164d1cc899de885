using Ledger.Application.Operations;
using Ledger.Application.Users.Commands.SendQueuedEmails;

namespace Ledger.Worker.Jobs;

/// <summary>Sends the queued account emails (ADR 0036); see LedgerJobs for its schedule.</summary>
public sealed class SendQueuedEmailsJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger<SendQueuedEmailsJob> logger
) : CommandJob<SendQueuedEmails>(scopes, runs, logger);
