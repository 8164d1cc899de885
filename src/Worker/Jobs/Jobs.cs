using Ledger.Application.Operations;
using Ledger.Application.Operations.Commands.CheckStorage;
using Ledger.Application.Operations.Commands.PruneOAuthTokens;
using Ledger.Application.Operations.Commands.PurgeExpiredInvites;
using Ledger.Application.Operations.Commands.PurgeGroupDeletionTokens;
using Ledger.Application.Operations.Commands.PurgeGroupsPastRestoreWindow;
using Ledger.Application.Operations.Commands.PurgeIdempotencyKeys;
using Ledger.Application.Operations.Commands.PurgeJobRuns;
using Ledger.Application.Operations.Commands.PurgeOrphanedReceipts;
using Ledger.Application.Operations.Commands.PurgeWebhookHistory;
using Ledger.Application.RecurringExpenses.Commands.GenerateRecurringExpenses;

namespace Ledger.Worker.Jobs;

// One class per job, each sending exactly one command; see LedgerJobs for their schedules.

public sealed class PurgeExpiredInvitesJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger<PurgeExpiredInvitesJob> logger
) : CommandJob<PurgeExpiredInvites>(scopes, runs, logger);

public sealed class PurgeGroupDeletionTokensJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger<PurgeGroupDeletionTokensJob> logger
) : CommandJob<PurgeGroupDeletionTokens>(scopes, runs, logger);

public sealed class PurgeGroupsPastRestoreWindowJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger<PurgeGroupsPastRestoreWindowJob> logger
) : CommandJob<PurgeGroupsPastRestoreWindow>(scopes, runs, logger);

public sealed class PruneOAuthTokensJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger<PruneOAuthTokensJob> logger
) : CommandJob<PruneOAuthTokens>(scopes, runs, logger);

public sealed class PurgeJobRunsJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger<PurgeJobRunsJob> logger
) : CommandJob<PurgeJobRuns>(scopes, runs, logger);

public sealed class PurgeOrphanedReceiptsJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger<PurgeOrphanedReceiptsJob> logger
) : CommandJob<PurgeOrphanedReceipts>(scopes, runs, logger);

public sealed class CheckStorageJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger<CheckStorageJob> logger
) : CommandJob<CheckStorage>(scopes, runs, logger);

/// <summary>
/// Runs may overlap across the cluster (every node generates, sharing the due templates through
/// SKIP LOCKED claims, ADR 0022), but a node runs one at a time: a firing it acquires while it
/// is generating already ends at once, leaving the node's other threads to the other jobs.
/// </summary>
public sealed class GenerateRecurringExpensesJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger<GenerateRecurringExpensesJob> logger
) : CommandJob<GenerateRecurringExpenses>(scopes, runs, logger)
{
    private static readonly SemaphoreSlim OnePerNode = new(1, 1);

    protected override async Task<JobReport> SendAsync(CancellationToken cancellationToken)
    {
        if (!await OnePerNode.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return new JobReport(
                "Skipped: this node is generating already.",
                NeedsAttention: false
            );
        }

        try
        {
            return await base.SendAsync(cancellationToken);
        }
        finally
        {
            OnePerNode.Release();
        }
    }
}

public sealed class PurgeIdempotencyKeysJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger<PurgeIdempotencyKeysJob> logger
) : CommandJob<PurgeIdempotencyKeys>(scopes, runs, logger);

public sealed class PurgeWebhookHistoryJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger<PurgeWebhookHistoryJob> logger
) : CommandJob<PurgeWebhookHistory>(scopes, runs, logger);
