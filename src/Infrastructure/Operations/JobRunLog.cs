using Ledger.Application.Operations;
using Ledger.Domain.Operations;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Infrastructure.Operations;

/// <summary>Writes job run rows through a DbContext of its own, outside any command's transaction.</summary>
internal sealed class JobRunLog(IServiceScopeFactory scopes, TimeProvider clock) : IJobRunLog
{
    public async Task<Guid> StartedAsync(
        string jobName,
        string triggerName,
        string node,
        TimeSpan timeout,
        CancellationToken cancellationToken
    )
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var run = JobRun.Start(jobName, triggerName, node, timeout, clock.GetUtcNow());
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    public async Task FinishedAsync(
        Guid runId,
        JobRunStatus status,
        string? result,
        string? error,
        CancellationToken cancellationToken
    )
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var run = await db.JobRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        run.Finish(status, result, error, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
