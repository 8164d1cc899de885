using Ledger.Application.Operations;
using Ledger.Application.RecurringExpenses.Commands.GenerateRecurringExpenses;

namespace Ledger.Worker.Jobs;

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
