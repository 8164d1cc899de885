using Ledger.Domain.Groups;

namespace Ledger.Application.Chores.Commands.CreateDueChoreAssignments;

/// <summary>
/// The scheduled job's command ("create due chore assignments up to <see cref="AsOf"/>"): every
/// chore whose next occurrence has come due by then, in the chore's own time zone, gets it
/// assigned by its rotation (see <c>Chore.AssignDueOccurrence</c>). Chores are taken in id order,
/// <see cref="BatchSize"/> per call and transaction; the answer's <c>continueAfter</c> is the
/// <see cref="After"/> of the next call (null when done). Idempotent: each chore is locked,
/// re-read and only assigned an occurrence nobody holds yet, and the database refuses a second
/// assignment of one occurrence, so retries and several workers at once are harmless.
/// Only the worker's system principal may send it (<see cref="ISystemCommand"/>).
/// </summary>
public sealed record CreateDueChoreAssignments(
    DateTimeOffset AsOf,
    ChoreId? After = null,
    int BatchSize = CreateDueChoreAssignments.DefaultBatchSize
) : ICommand<DueChoreAssignmentsResult>, IRequiresAccess
{
    public Access Access => Access.System;

    public const int DefaultBatchSize = 100;
    public const int MaxBatchSize = 1000;
}

public sealed record DueChoreAssignmentsResult(int Examined, int Created, Guid? ContinueAfter);

public sealed class CreateDueChoreAssignmentsValidator
    : AbstractValidator<CreateDueChoreAssignments>
{
    public CreateDueChoreAssignmentsValidator() =>
        RuleFor(c => c.BatchSize).InclusiveBetween(1, CreateDueChoreAssignments.MaxBatchSize);
}

public sealed class CreateDueChoreAssignmentsHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<CreateDueChoreAssignments, DueChoreAssignmentsResult>
{
    public async ValueTask<DueChoreAssignmentsResult> Handle(
        CreateDueChoreAssignments command,
        CancellationToken cancellationToken
    )
    {
        // No zone is more than 14 hours ahead of UTC: nothing is due locally after the UTC date + 1.
        var latestLocalDate = DateOnly.FromDateTime(command.AsOf.UtcDateTime).AddDays(1);
        var candidates = db.Chores.Where(c =>
            c.ArchivedAt == null
            && c.NextDueDate != null
            && c.NextDueDate <= latestLocalDate
            && (
                c.GroupId == null
                || db.Groups.Any(g => (GroupId?)g.Id == c.GroupId && g.Status == GroupStatus.Active)
            )
        );
        if (command.After is { } after)
        {
            candidates = candidates.Where(c => c.Id > after);
        }

        var batch = await candidates
            .OrderBy(c => c.Id)
            .Take(command.BatchSize)
            .Select(c => new
            {
                c.Id,
                TimeZone = c.TimeZoneId
                    ?? db.Groups.Where(g => (GroupId?)g.Id == c.GroupId)
                        .Select(g => g.TimeZoneId)
                        .First(),
            })
            .ToListAsync(cancellationToken);

        var actor = ChoreLoading.ActorOf(principal);
        var now = clock.GetUtcNow();
        var created = 0;
        foreach (var candidate in batch)
        {
            var chore = await db.LockAndLoadChoreAsync(candidate.Id, null, cancellationToken);
            var today = Domain.Chores.ChoreCalendar.DateIn(command.AsOf, candidate.TimeZone);
            if (chore.AssignDueOccurrence(today, actor, now) is not null)
            {
                created++;
            }
        }

        return new DueChoreAssignmentsResult(
            batch.Count,
            created,
            batch.Count == command.BatchSize ? batch[^1].Id.Value : null
        );
    }
}
