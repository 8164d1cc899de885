using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations.Commands.PurgeJobRuns;

/// <summary>Deletes finished job run records older than the retention, at most one batch per run.</summary>
public sealed record PurgeJobRuns : IScheduledCommand;

public sealed class PurgeJobRunsHandler(
    IApplicationDbContext db,
    IOptions<OperationsOptions> options,
    TimeProvider clock
) : ICommandHandler<PurgeJobRuns, JobReport>
{
    public async ValueTask<JobReport> Handle(
        PurgeJobRuns command,
        CancellationToken cancellationToken
    )
    {
        var cutoff = clock.GetUtcNow() - options.Value.JobRunRetention;
        return await PurgeBatch.DeleteAsync(
            db.JobRuns.Where(r => r.FinishedAt != null && r.StartedAt < cutoff)
                .OrderBy(r => r.StartedAt),
            options.Value.PurgeBatchSize,
            "job run records",
            cancellationToken
        );
    }
}
