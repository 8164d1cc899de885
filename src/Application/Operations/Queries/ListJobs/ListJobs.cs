using Ledger.Domain.Operations;

namespace Ledger.Application.Operations.Queries.ListJobs;

/// <summary>
/// The worker cluster's jobs: schedule, state, last and next fire time, and the outcome and
/// duration of the last recorded run.
/// </summary>
public sealed record ListJobs : IQuery<IReadOnlyList<JobDto>>, IRequiresAccess
{
    public Access Access => Access.Admin;
}

public sealed record JobDto(
    string Name,
    string? Description,
    string? Schedule,
    JobState State,
    DateTimeOffset? LastFireTime,
    DateTimeOffset? NextFireTime,
    JobRunDto? LastRun
);

public enum JobState
{
    Idle,
    Queued,
    Running,
    Paused,
}

public sealed record JobRunDto(
    string Trigger,
    JobRunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    long? DurationMs,
    string? Result,
    string? Error
)
{
    public static JobRunDto From(JobRun run) =>
        new(
            run.TriggerName,
            run.Status,
            run.StartedAt,
            run.FinishedAt,
            run.Duration is { } duration ? (long)duration.TotalMilliseconds : null,
            run.Result,
            run.Error
        );
}

public sealed class ListJobsHandler(IJobScheduler scheduler, IApplicationDbContext db)
    : IQueryHandler<ListJobs, IReadOnlyList<JobDto>>
{
    public async ValueTask<IReadOnlyList<JobDto>> Handle(
        ListJobs query,
        CancellationToken cancellationToken
    )
    {
        var jobs = await scheduler.ListAsync(cancellationToken);
        var names = jobs.Select(j => j.Name).ToList();
        // The latest run of each job: one indexed row per job, however long the history.
        var lastRuns = await db
            .JobRuns.AsNoTracking()
            .Where(r => names.Contains(r.JobName))
            .GroupBy(r => r.JobName)
            .Select(g => g.OrderByDescending(r => r.StartedAt).First())
            .ToListAsync(cancellationToken);
        var lastRunByJob = lastRuns.ToDictionary(r => r.JobName, StringComparer.Ordinal);

        return jobs.Select(job => new JobDto(
                job.Name,
                job.Description,
                job.Schedule,
                StateOf(job),
                job.PreviousFireTime,
                job.NextFireTime,
                lastRunByJob.TryGetValue(job.Name, out var run) ? JobRunDto.From(run) : null
            ))
            .ToList();
    }

    private static JobState StateOf(ScheduledJob job) =>
        job.Running ? JobState.Running
        : job.Queued ? JobState.Queued
        : job.Paused ? JobState.Paused
        : JobState.Idle;
}
