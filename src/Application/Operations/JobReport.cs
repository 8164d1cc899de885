namespace Ledger.Application.Operations;

/// <summary>
/// What a scheduled command reports back to the job that sent it: a one-line summary of counts
/// and ids (no personal data), whether an operator should look at it, and, for work done in
/// batches, the command that does the next batch (each batch commits in its own transaction).
/// </summary>
public sealed record JobReport(
    string Summary,
    bool NeedsAttention = false,
    IScheduledCommand? Next = null
);

/// <summary>
/// A command the worker sends on a schedule. It is idempotent: running it twice, or on two
/// workers at once, leaves the same state as running it once. Only the worker's system
/// principal may send one.
/// </summary>
public interface IScheduledCommand : ICommand<JobReport>, IRequiresAccess
{
    Access IRequiresAccess.Access => Access.System;
}
