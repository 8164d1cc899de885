using Ledger.Application.Operations;
using Mediator;

namespace Ledger.Worker.Jobs;

/// <summary>
/// A job that sends one scheduled command. A command that works in batches answers with the
/// command for the next batch (<see cref="JobReport.Next"/>); each batch is sent in a fresh
/// scope, so it commits in its own transaction, up to <see cref="MaxBatchesPerRun"/> (the next
/// firing goes on from there) or the job's budget. Most jobs are this class with their command
/// (<see cref="LedgerJobs"/>); a job that must do more around its command derives from it.
/// </summary>
public class CommandJob<TCommand> : ScheduledJob
    where TCommand : IScheduledCommand, new()
{
    public const int MaxBatchesPerRun = 100;

    public CommandJob(
        IServiceScopeFactory scopes,
        IJobRunLog runs,
        ILogger<CommandJob<TCommand>> logger
    )
        : base(scopes, runs, logger) { }

    /// <summary>For a derived job, which logs under its own name.</summary>
    protected CommandJob(IServiceScopeFactory scopes, IJobRunLog runs, ILogger logger)
        : base(scopes, runs, logger) { }

    protected override async Task<JobReport> SendAsync(CancellationToken cancellationToken)
    {
        IScheduledCommand? command = new TCommand();
        JobReport? last = null;
        var batches = 0;
        var needsAttention = false;
        while (command is not null && batches < MaxBatchesPerRun)
        {
            await using var scope = Scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            last = await sender.Send(command, cancellationToken);
            needsAttention |= last.NeedsAttention;
            batches++;
            command = last.Next;
        }

        return batches == 1
            ? last!
            : new JobReport($"{batches} batches; the last: {last!.Summary}", needsAttention);
    }
}
