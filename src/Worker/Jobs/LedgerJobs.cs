using Quartz;

namespace Ledger.Worker.Jobs;

/// <summary>
/// Every job of the worker and its default schedule (docs/operations/worker.md explains each).
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
        new(
            "purge-expired-invites",
            typeof(PurgeExpiredInvitesJob),
            "0 5 * * * ?",
            Skip,
            TimeSpan.FromMinutes(2),
            "Deletes invites past their expiry."
        ),
        new(
            "purge-group-deletion-tokens",
            typeof(PurgeGroupDeletionTokensJob),
            "0 10 * * * ?",
            Skip,
            TimeSpan.FromMinutes(2),
            "Deletes expired group deletion confirmations."
        ),
        new(
            "purge-deleted-groups",
            typeof(PurgeGroupsPastRestoreWindowJob),
            "0 15 3 * * ?",
            RunOnce,
            TimeSpan.FromMinutes(10),
            "Removes groups deleted more than 30 days ago; keeps the audit trail."
        ),
        new(
            "prune-oauth-tokens",
            typeof(PruneOAuthTokensJob),
            "0 30 3 * * ?",
            RunOnce,
            TimeSpan.FromMinutes(5),
            "Removes spent OAuth tokens and authorizations."
        ),
        new(
            "purge-job-runs",
            typeof(PurgeJobRunsJob),
            "0 45 3 * * ?",
            RunOnce,
            TimeSpan.FromMinutes(2),
            "Deletes job run records past their retention."
        ),
        new(
            "purge-idempotency-keys",
            typeof(PurgeIdempotencyKeysJob),
            "0 20 * * * ?",
            Skip,
            TimeSpan.FromMinutes(2),
            "Deletes idempotency keys past their 24 hours."
        ),
        new(
            "purge-webhook-history",
            typeof(PurgeWebhookHistoryJob),
            "0 25 * * * ?",
            Skip,
            TimeSpan.FromMinutes(2),
            "Deletes handed-on outbox events and old webhook deliveries and delivery log entries."
        ),
        new(
            "purge-orphaned-receipts",
            typeof(PurgeOrphanedReceiptsJob),
            "0 50 3 * * ?",
            RunOnce,
            TimeSpan.FromMinutes(5),
            "Deletes receipt files no attached receipt names, after their grace period."
        ),
        new(
            "check-storage",
            typeof(CheckStorageJob),
            "0 0/15 * * * ?",
            Skip,
            TimeSpan.FromMinutes(1),
            "Measures the database and the receipts against the storage thresholds."
        ),
        new(
            "generate-recurring-expenses",
            typeof(GenerateRecurringExpensesJob),
            "0 * * * * ?",
            Skip,
            TimeSpan.FromMinutes(5),
            "Records the occurrences of recurring expenses that came due, catching up missed ones.",
            // Simultaneous runs on several nodes claim disjoint templates (ADR 0022).
            AllowConcurrentRuns: true
        ),
        new(
            "create-due-chore-assignments",
            typeof(CreateDueChoreAssignmentsJob),
            "30 0/5 * * * ?",
            Skip,
            TimeSpan.FromMinutes(2),
            "Assigns the chore occurrences that came due by each chore's rotation."
        ),
        new(
            "send-queued-emails",
            typeof(SendQueuedEmailsJob),
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
