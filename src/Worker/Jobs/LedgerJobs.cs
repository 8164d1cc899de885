using Ledger.Application.Operations.Commands.CheckStorage;
using Ledger.Application.Operations.Commands.PruneOAuthTokens;
using Ledger.Application.Operations.Commands.PurgeExpiredInvites;
using Ledger.Application.Operations.Commands.PurgeGroupDeletionTokens;
using Ledger.Application.Operations.Commands.PurgeGroupsPastRestoreWindow;
using Ledger.Application.Operations.Commands.PurgeIdempotencyKeys;
using Ledger.Application.Operations.Commands.PurgeJobRuns;
using Ledger.Application.Operations.Commands.PurgeOrphanedReceipts;
using Ledger.Application.Operations.Commands.PurgeWebhookHistory;
using Ledger.Application.Users.Commands.SendQueuedEmails;
using Quartz;

namespace Ledger.Worker.Jobs;

/// <summary>
/// Every job of the worker: the class that runs it (most send one command through
/// <see cref="CommandJob{TCommand}"/>) and its default schedule (docs/operations/worker.md
/// explains each).
/// Misfire policy per job: purges that run often skip a missed firing (the next one does the
/// same work); daily jobs run a missed firing once as soon as a worker is back.
/// </summary>
public static class LedgerJobs
{
    private static readonly CronTriggerMisfireInstruction Skip =
        CronTriggerMisfireInstruction.DoNothing;
    private static readonly CronTriggerMisfireInstruction RunOnce =
        CronTriggerMisfireInstruction.FireAndProceed;

    public static readonly IReadOnlyList<JobDefinition> All =
    [
        JobDefinition.Of<CommandJob<PurgeExpiredInvites>>(
            "purge-expired-invites",
            "0 5 * * * ?",
            Skip,
            TimeSpan.FromMinutes(2),
            "Deletes invites past their expiry."
        ),
        JobDefinition.Of<CommandJob<PurgeGroupDeletionTokens>>(
            "purge-group-deletion-tokens",
            "0 10 * * * ?",
            Skip,
            TimeSpan.FromMinutes(2),
            "Deletes expired group deletion confirmations."
        ),
        JobDefinition.Of<CommandJob<PurgeGroupsPastRestoreWindow>>(
            "purge-deleted-groups",
            "0 15 3 * * ?",
            RunOnce,
            TimeSpan.FromMinutes(10),
            "Removes groups deleted more than 30 days ago; keeps the audit trail."
        ),
        JobDefinition.Of<CommandJob<PruneOAuthTokens>>(
            "prune-oauth-tokens",
            "0 30 3 * * ?",
            RunOnce,
            TimeSpan.FromMinutes(5),
            "Removes spent OAuth tokens and authorizations."
        ),
        JobDefinition.Of<CommandJob<PurgeJobRuns>>(
            "purge-job-runs",
            "0 45 3 * * ?",
            RunOnce,
            TimeSpan.FromMinutes(2),
            "Deletes job run records past their retention."
        ),
        JobDefinition.Of<CommandJob<PurgeIdempotencyKeys>>(
            "purge-idempotency-keys",
            "0 20 * * * ?",
            Skip,
            TimeSpan.FromMinutes(2),
            "Deletes idempotency keys past their 24 hours."
        ),
        JobDefinition.Of<CommandJob<PurgeWebhookHistory>>(
            "purge-webhook-history",
            "0 25 * * * ?",
            Skip,
            TimeSpan.FromMinutes(2),
            "Deletes handed-on outbox events and old webhook deliveries and delivery log entries."
        ),
        JobDefinition.Of<CommandJob<PurgeOrphanedReceipts>>(
            "purge-orphaned-receipts",
            "0 50 3 * * ?",
            RunOnce,
            TimeSpan.FromMinutes(5),
            "Deletes receipt files no attached receipt names, after their grace period."
        ),
        JobDefinition.Of<CommandJob<CheckStorage>>(
            "check-storage",
            "0 0/15 * * * ?",
            Skip,
            TimeSpan.FromMinutes(1),
            "Measures the database and the receipts against the storage thresholds."
        ),
        JobDefinition.Of<GenerateRecurringExpensesJob>(
            "generate-recurring-expenses",
            "0 * * * * ?",
            Skip,
            TimeSpan.FromMinutes(5),
            "Records the occurrences of recurring expenses that came due, catching up missed ones.",
            // Simultaneous runs on several nodes claim disjoint templates (ADR 0022).
            allowConcurrentRuns: true
        ),
        JobDefinition.Of<CreateDueChoreAssignmentsJob>(
            "create-due-chore-assignments",
            "30 0/5 * * * ?",
            Skip,
            TimeSpan.FromMinutes(2),
            "Assigns the chore occurrences that came due by each chore's rotation."
        ),
        JobDefinition.Of<CommandJob<SendQueuedEmails>>(
            "send-queued-emails",
            "0/10 * * * * ?",
            Skip,
            TimeSpan.FromMinutes(1),
            "Sends the account emails queued by committed requests; purges sent ones after their retention."
        ),
    ];

    public static JobDefinition Find(string name) =>
        All.FirstOrDefault(j => j.Name == name)
        ?? throw new InvalidOperationException($"No job definition named {name}.");
}
