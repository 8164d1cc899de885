using Ledger.Application.Chores.Commands.CreateDueChoreAssignments;
using Ledger.Application.Operations;
using Ledger.Domain.Common;
using Mediator;

namespace Ledger.Worker.Jobs;

/// <summary>
/// Sends <see cref="CreateDueChoreAssignments"/> as of the firing's time, one batch of chores
/// per command and transaction, following its continuation until every due chore was seen (or
/// the job's budget ends; the next firing goes on, the command being idempotent).
/// </summary>
public sealed class CreateDueChoreAssignmentsJob(
    IServiceScopeFactory scopes,
    IJobRunLog runs,
    TimeProvider clock,
    ILogger<CreateDueChoreAssignmentsJob> logger
) : ScheduledJob(scopes, runs, logger)
{
    protected override async Task<JobReport> SendAsync(CancellationToken cancellationToken)
    {
        var asOf = clock.GetUtcNow();
        ChoreId? after = null;
        var (examined, created) = (0, 0);
        do
        {
            await using var scope = Scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var result = await sender.Send(
                new CreateDueChoreAssignments(asOf, after),
                cancellationToken
            );
            examined += result.Examined;
            created += result.Created;
            after = result.ContinueAfter is { } next ? ChoreId.From(next) : null;
        } while (after is not null);

        return new JobReport($"Examined {examined} chores; created {created} assignments.");
    }
}
