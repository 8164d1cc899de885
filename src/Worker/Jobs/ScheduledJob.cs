using System.Diagnostics;
using Ledger.Application.Common.Telemetry;
using Ledger.Application.Operations;
using Ledger.Domain.Common;
using Ledger.Worker.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using JobRunStatus = Ledger.Domain.Operations.JobRunStatus;

namespace Ledger.Worker.Jobs;

/// <summary>
/// What every job does around its commands: run them within the job's wall-clock budget and
/// record the run's outcome in <c>job_runs</c>. A job sends commands through the mediator
/// pipeline (system principal, logging, authorization, transaction) and nothing else: no
/// business logic lives in a job.
/// </summary>
public abstract partial class ScheduledJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    ILogger logger
) : IJob
{
    /// <summary>Each batch of a job's commands runs in a scope of its own.</summary>
    protected IServiceScopeFactory Scopes => scopes;

    public async ValueTask Execute(
        IJobExecutionContext context,
        CancellationToken cancellationToken
    )
    {
        var definition = LedgerJobs.Find(context.JobDetail.Key.Name);
        var timeout = BudgetOf(definition);
        var runId = await runs.StartedAsync(
            definition.Name,
            context.Trigger.Key.ToString(),
            context.Scheduler.SchedulerInstanceId,
            timeout,
            CancellationToken.None
        );

        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken,
            context.CancellationToken
        );
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(shutdown.Token);
        budget.CancelAfter(timeout);

        var started = Stopwatch.GetTimestamp();
        var (status, result, error) = await RunAsync(budget.Token, shutdown.Token);
        LedgerMetrics.JobRan(
            definition.Name,
            status.ToString().ToLowerInvariant(),
            Stopwatch.GetElapsedTime(started)
        );
        if (status == JobRunStatus.TimedOut)
        {
            LogTimedOut(definition.Name, timeout.TotalSeconds);
        }

        // Recorded whatever happened, and not cancellable: a shutdown must not lose the outcome.
        await runs.FinishedAsync(runId, status, result, error, CancellationToken.None);
    }

    /// <summary>The job's wall-clock budget: <c>Worker:Timeouts:&lt;job&gt;</c>, or its default.</summary>
    private TimeSpan BudgetOf(JobDefinition definition)
    {
        using var scope = scopes.CreateScope();
        var settings = scope.ServiceProvider.GetService<IOptions<WorkerSettings>>()?.Value;
        return settings?.TimeoutOf(definition) ?? definition.Timeout;
    }

    /// <summary>Sends the job's command (or its batches, each in its own transaction) and reports.</summary>
    protected abstract Task<JobReport> SendAsync(CancellationToken cancellationToken);

    private async Task<(JobRunStatus, string?, string?)> RunAsync(
        CancellationToken budget,
        CancellationToken shutdown
    )
    {
        try
        {
            var report = await SendAsync(budget);
            return (
                report.NeedsAttention ? JobRunStatus.Warning : JobRunStatus.Succeeded,
                report.Summary,
                null
            );
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return shutdown.IsCancellationRequested
                ? (JobRunStatus.Cancelled, null, "Cancelled by worker shutdown.")
                : (JobRunStatus.TimedOut, null, "Cancelled after its time budget.");
        }
        catch (Exception exception)
        {
            // The type and rule code only: exception messages can carry data from the database.
            // The mediator's logging behaviour has already logged the failure with its stack.
            var code = exception is DomainException domain ? $" ({domain.Code})" : string.Empty;
            return (JobRunStatus.Failed, null, exception.GetType().Name + code);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Job {JobName} timed out after {TimeoutSeconds} s"
    )]
    private partial void LogTimedOut(string jobName, double timeoutSeconds);
}
