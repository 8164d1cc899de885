using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations.Commands.PurgeJobRuns;

/// <summary>Deletes finished job run records older than the retention, at most one batch per run.</summary>
public sealed record PurgeJobRuns : IScheduledCommand;

public sealed class PurgeJobRunsHandler(
    IApplicationDbContext db,
    IOptions<OperationsOptions> options,
    PurgeBatch purge
) : ICommandHandler<PurgeJobRuns, JobReport>
{
    public ValueTask<JobReport> Handle(PurgeJobRuns command, CancellationToken cancellationToken) =>
        purge.DeleteAsync(
            now =>
            {
                var cutoff = now - options.Value.JobRunRetention;
                return db
                    .JobRuns.Where(r => r.FinishedAt != null && r.StartedAt < cutoff)
                    .OrderBy(r => r.StartedAt);
            },
            "job run records",
            cancellationToken
        );
}
