using Ledger.Domain.Common;

namespace Ledger.Domain.Chores;

// The chore's schedule: assigning occurrences as they come due and acting on assignments
// (complete, skip, reopen, reassign, a member leaving).

public sealed partial class Chore
{
    public ChoreAssignment? FindAssignment(ChoreAssignmentId assignmentId) =>
        _assignments.FirstOrDefault(a => a.Id == assignmentId);

    /// <summary>Marks an occurrence done by <paramref name="doneBy"/>, who gets the credit (whoever it was assigned to).</summary>
    public void Complete(
        ChoreAssignmentId assignmentId,
        UserId doneBy,
        DateOnly today,
        DateTimeOffset now
    )
    {
        EnsureNotArchived();
        var assignment = RequireAssignment(assignmentId);
        assignment.Complete(doneBy, now);
        ParticipantRecordOf(doneBy)?.Completed();
        var actor = Actor.User(doneBy);
        Record(ChoreEventKind.Completed, actor, now, assignment);
        EnsureUpcoming(today, actor, now);
    }

    /// <summary>
    /// The occurrence is not needed this time. The assignee's turn is given back to them, so
    /// the rotation does not count it against anyone.
    /// </summary>
    public void Skip(ChoreAssignmentId assignmentId, UserId by, DateOnly today, DateTimeOffset now)
    {
        EnsureNotArchived();
        var assignment = RequireAssignment(assignmentId);
        assignment.Skip(by, now);
        ParticipantRecordOf(assignment.AssigneeUserId)?.GiveTurnBack();
        var actor = Actor.User(by);
        Record(ChoreEventKind.Skipped, actor, now, assignment);
        EnsureUpcoming(today, actor, now);
    }

    /// <summary>Undoes a completion or a skip (done by mistake); the counters are put back.</summary>
    public void Reopen(ChoreAssignmentId assignmentId, UserId by, DateTimeOffset now)
    {
        EnsureNotArchived();
        var assignment = RequireAssignment(assignmentId);
        var completedBy = assignment.CompletedBy;
        var wasSkipped = assignment.Status == AssignmentStatus.Skipped;
        assignment.Reopen();
        if (completedBy is { } doer)
        {
            ParticipantRecordOf(doer)?.CompletionUndone();
        }

        if (wasSkipped)
        {
            ParticipantRecordOf(assignment.AssigneeUserId)?.RetakeTurn();
        }

        Record(ChoreEventKind.Reopened, Actor.User(by), now, assignment);
    }

    /// <summary>
    /// Hands an open occurrence to another member (someone covers). The rotation is a rota: the
    /// turn still counts for the member it was given to.
    /// </summary>
    public void Reassign(
        ChoreAssignmentId assignmentId,
        UserId assignee,
        IReadOnlySet<UserId> members,
        UserId by,
        DateTimeOffset now
    )
    {
        EnsureNotArchived();
        var assignment = RequireAssignment(assignmentId);
        if (!EligibleMembers(members).Contains(assignee))
        {
            throw new DomainValidationException(
                "chore.assignee",
                "assigneeId: the chore can only be assigned to a member who may read it.",
                "assigneeId"
            );
        }

        if (assignment.AssigneeUserId == assignee)
        {
            return;
        }

        assignment.AssignTo(assignee);
        Record(ChoreEventKind.Assigned, Actor.User(by), now, assignment);
    }

    /// <summary>
    /// The scheduled job's operation: if an occurrence has come due by <paramref name="today"/>
    /// and nobody is assigned to it yet, assign the latest such occurrence (earlier ones lapse)
    /// to the member the rotation picks. Does nothing otherwise, so running it twice is harmless.
    /// </summary>
    /// <param name="today">The date it is now in the chore's time zone.</param>
    public ChoreAssignment? AssignDueOccurrence(DateOnly today, Actor by, DateTimeOffset now)
    {
        if (IsArchived || NextDueDate is not { } next || next > today)
        {
            return null;
        }

        return AssignLatestDueBy(today, by, now);
    }

    /// <summary>
    /// A member left the group: they leave the rotation (their record is kept), and their open
    /// assignments go to whoever the rotation picks. If nobody of the rotation is left, the
    /// remaining members of the group take it over. Nothing is deleted.
    /// </summary>
    /// <param name="remainingMembers">The group's active members after the departure, in join order.</param>
    public void HandOver(
        UserId departed,
        IReadOnlyList<UserId> remainingMembers,
        Actor by,
        DateTimeOffset now
    )
    {
        var participantsChanged = false;
        var participant = _participants.FirstOrDefault(p => p.UserId == departed && p.IsActive);
        if (participant is not null)
        {
            participant.Deactivate();
            participantsChanged = true;
        }

        if (!ActiveParticipants.Any() && remainingMembers.Count > 0)
        {
            SetParticipants(
                remainingMembers.Take(MaxParticipants).ToList(),
                remainingMembers.ToHashSet()
            );
            participantsChanged = true;
        }

        if (participantsChanged)
        {
            DefinitionChanged(ChoreEventKind.Updated, by, now);
        }

        var orphaned = OpenAssignments
            .Where(a => a.AssigneeUserId == departed)
            .OrderBy(a => a.DueDate)
            .ToList();
        foreach (var assignment in orphaned)
        {
            if (PickNext() is not { } next)
            {
                break;
            }

            assignment.AssignTo(next);
            Record(ChoreEventKind.Assigned, by, now, assignment);
        }
    }

    private void EnsureUpcoming(DateOnly today, Actor by, DateTimeOffset now)
    {
        if (IsArchived || NextDueDate is not { } next || OpenAssignments.Any())
        {
            return;
        }

        if (next <= today)
        {
            AssignLatestDueBy(today, by, now);
        }
        else
        {
            Assign(next, by, now);
        }
    }

    private ChoreAssignment? AssignLatestDueBy(DateOnly today, Actor by, DateTimeOffset now)
    {
        var due = NextDueDate!.Value;
        while (Frequency.NextAfter(due) is { } following && following <= today)
        {
            due = following;
        }

        return Assign(due, by, now);
    }

    private ChoreAssignment? Assign(DateOnly dueDate, Actor by, DateTimeOffset now)
    {
        if (PickNext() is not { } assignee)
        {
            return null;
        }

        var assignment = new ChoreAssignment(this, assignee, dueDate, now);
        _assignments.Add(assignment);
        LastDueDate = dueDate;
        NextDueDate = Frequency.NextAfter(dueDate);
        Record(ChoreEventKind.Assigned, by, now, assignment);
        return assignment;
    }

    private void Reschedule(DateOnly today)
    {
        if (!Frequency.IsRecurring)
        {
            // A one-off chore that already had its occurrence has no further one.
            NextDueDate = LastDueDate is null ? NextDueDate ?? today : null;
            return;
        }

        var from = LastDueDate is { } last && last >= today ? last.AddDays(1) : today;
        NextDueDate = Frequency.FirstOnOrAfter(from);
    }

    private ChoreAssignment RequireAssignment(ChoreAssignmentId assignmentId) =>
        FindAssignment(assignmentId)
        ?? throw new BusinessRuleViolationException(
            "chore.assignment-missing",
            "The assignment does not belong to this chore."
        );
}
