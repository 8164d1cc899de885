using Ledger.Domain.Common;

namespace Ledger.Domain.Chores;

/// <summary>
/// A recurring (or one-off) household task, personal or a group's, with its rotation and its
/// assignments. Guards the scheduling rules:
/// <list type="bullet">
/// <item>each occurrence (due date) is assigned at most once, to the member the rotation picks;</item>
/// <item>while no assignment is open, the next occurrence is already assigned, so everyone sees
/// whose turn is next (completing or skipping schedules it);</item>
/// <item>occurrences that come due while earlier ones are still open are assigned by
/// <see cref="AssignDueOccurrence"/> (the scheduled job); occurrences that passed with nobody
/// assigned (the job did not run, the chore was archived) lapse;</item>
/// <item>every change is an event in the history, with its actor and time.</item>
/// </list>
/// </summary>
public sealed class Chore : AggregateRoot<ChoreId>, IVersioned
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int MaxParticipants = 50;

    /// <summary>How far back a first due date may lie; bounds the catch-up of lapsed occurrences.</summary>
    public const int MaxDaysBack = 366;

    /// <summary>How far ahead a first due date may lie (ten years).</summary>
    public const int MaxDaysAhead = 3653;

    public const string DefaultPersonalTimeZone = "UTC";

    private readonly List<ChoreParticipant> _participants = [];
    private readonly List<ChoreAssignment> _assignments = [];
    private readonly List<ChoreEvent> _recordedHistory = [];

    private Chore()
    {
        Name = string.Empty;
        Frequency = ChoreFrequency.Once();
    }

    public GroupId? GroupId { get; private init; }
    public UserId? OwnerUserId { get; private init; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public ChoreFrequency Frequency { get; private set; }
    public ChoreRotation Rotation { get; private set; }

    /// <summary>Personal chores: their time zone. Null for group chores, which follow the group's.</summary>
    public string? TimeZoneId { get; private set; }

    /// <summary>The first occurrence nobody is assigned to yet; null once a one-off chore is assigned.</summary>
    public DateOnly? NextDueDate { get; private set; }

    /// <summary>The due date of the latest occurrence assigned.</summary>
    public DateOnly? LastDueDate { get; private set; }

    /// <summary>Counts the turns handed out, so the rotation knows whose turn came longest ago.</summary>
    public long TurnSequence { get; private set; }

    /// <summary>Numbers the chore's history events in the order they happened (under the chore's lock).</summary>
    public long HistorySequence { get; private set; }

    public DateTimeOffset? ArchivedAt { get; private set; }

    /// <summary>Guards the chore's definition (name, frequency, rotation, participants, archived).</summary>
    public int Version { get; private set; }

    public UserId CreatedBy { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ChoreParticipant> Participants => _participants;

    /// <summary>
    /// The assignments loaded with the chore. Use cases that change a chore load every open
    /// assignment (the rotation counts them) and the one they act on; the rest stay in the database.
    /// </summary>
    public IReadOnlyList<ChoreAssignment> Assignments => _assignments;

    /// <summary>Events recorded since the chore was loaded; they are saved with it. The full history is read by query.</summary>
    public IReadOnlyList<ChoreEvent> RecordedHistory => _recordedHistory;

    public IEnumerable<ChoreParticipant> ActiveParticipants =>
        _participants.Where(p => p.IsActive).OrderBy(p => p.Position);

    public IEnumerable<ChoreAssignment> OpenAssignments => _assignments.Where(a => a.IsOpen);

    public Ownership Ownership => Ownership.From(GroupId, OwnerUserId);
    public bool IsArchived => ArchivedAt is not null;

    /// <param name="participants">The rotation, in order; personal chores: empty or the owner.</param>
    /// <param name="members">Who may take part: the group's active members (ignored for personal chores).</param>
    /// <param name="today">Today in the chore's time zone.</param>
    public static Chore Create(
        Ownership ownership,
        ChoreDefinition definition,
        IReadOnlyList<UserId> participants,
        IReadOnlySet<UserId> members,
        DateOnly firstDueDate,
        DateOnly today,
        UserId createdBy,
        DateTimeOffset now
    )
    {
        ownership = Ownership.From(ownership.GroupId, ownership.OwnerUserId);
        if (
            firstDueDate < today.AddDays(-MaxDaysBack)
            || firstDueDate > today.AddDays(MaxDaysAhead)
        )
        {
            throw new DomainValidationException(
                "chore.first-due-date",
                $"firstDueDate: at most {MaxDaysBack} days in the past and ten years ahead.",
                "firstDueDate"
            );
        }

        var chore = new Chore
        {
            Id = ChoreId.New(),
            GroupId = ownership.GroupId,
            OwnerUserId = ownership.OwnerUserId,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        chore.ApplyDefinition(definition);
        chore.SetParticipants(participants, members);
        chore.NextDueDate = chore.Frequency.FirstOnOrAfter(firstDueDate);

        var actor = Actor.User(createdBy);
        chore.Record(ChoreEventKind.Created, actor, now, null);
        chore.EnsureUpcoming(today, actor, now);
        return chore;
    }

    public ChoreAssignment? FindAssignment(ChoreAssignmentId assignmentId) =>
        _assignments.FirstOrDefault(a => a.Id == assignmentId);

    public void Update(
        ChoreDefinition definition,
        IReadOnlyList<UserId> participants,
        IReadOnlySet<UserId> members,
        DateOnly today,
        UserId by,
        DateTimeOffset now
    )
    {
        EnsureNotArchived();
        var frequencyChanged = definition.Frequency != Frequency;
        ApplyDefinition(definition);
        SetParticipants(participants, members);
        if (frequencyChanged)
        {
            Reschedule(today);
        }

        var actor = Actor.User(by);
        DefinitionChanged(ChoreEventKind.Updated, actor, now);
        EnsureUpcoming(today, actor, now);
    }

    public void Archive(UserId by, DateTimeOffset now)
    {
        EnsureNotArchived();
        ArchivedAt = now;
        DefinitionChanged(ChoreEventKind.Archived, Actor.User(by), now);
    }

    public void Unarchive(DateOnly today, UserId by, DateTimeOffset now)
    {
        if (!IsArchived)
        {
            throw new BusinessRuleViolationException(
                "chore.not-archived",
                "The chore is not archived."
            );
        }

        ArchivedAt = null;
        var actor = Actor.User(by);
        DefinitionChanged(ChoreEventKind.Unarchived, actor, now);
        EnsureUpcoming(today, actor, now);
    }

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

    /// <summary>The rotation's pick for the next turn, counted as handed out; null with no participant.</summary>
    private UserId? PickNext()
    {
        var candidates = ActiveParticipants.ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = Rotation switch
        {
            ChoreRotation.Fixed => candidates[0],
            ChoreRotation.RoundRobin => candidates
                .OrderBy(p => p.Turns)
                .ThenBy(p => p.LastTurn)
                .ThenBy(p => p.Position)
                .First(),
            ChoreRotation.FewestCompletions => candidates
                .OrderBy(p => p.Completions + OpenCountOf(p.UserId))
                .ThenBy(p => p.LastTurn)
                .ThenBy(p => p.Position)
                .First(),
            _ => throw new InvalidOperationException("Unknown rotation."),
        };
        chosen.TakeTurn(++TurnSequence);
        return chosen.UserId;
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

    private void ApplyDefinition(ChoreDefinition definition)
    {
        var name = (definition.Name ?? string.Empty).Trim();
        if (name.Length is 0 or > NameMaxLength)
        {
            throw new DomainValidationException(
                "chore.name",
                $"name: a chore name has 1 to {NameMaxLength} characters.",
                "name"
            );
        }

        var description = definition.Description?.Trim();
        if (description is { Length: > DescriptionMaxLength })
        {
            throw new DomainValidationException(
                "chore.description",
                $"description: at most {DescriptionMaxLength} characters.",
                "description"
            );
        }

        if (!Enum.IsDefined(definition.Rotation))
        {
            throw new DomainValidationException(
                "chore.rotation",
                "rotation: not a known rotation.",
                "rotation"
            );
        }

        if (GroupId is not null && definition.TimeZoneId is not null)
        {
            throw new DomainValidationException(
                "chore.time-zone",
                "timeZone: a group chore follows the group's time zone.",
                "timeZone"
            );
        }

        Name = name;
        Description = string.IsNullOrEmpty(description) ? null : description;
        Frequency =
            definition.Frequency
            ?? throw new DomainValidationException(
                "chore.frequency",
                "frequency: required.",
                "frequency"
            );
        Rotation = definition.Rotation;
        TimeZoneId = GroupId is null
            ? TimeZones.Require(definition.TimeZoneId ?? DefaultPersonalTimeZone)
            : null;
    }

    private void SetParticipants(IReadOnlyList<UserId> participants, IReadOnlySet<UserId> members)
    {
        if (OwnerUserId is { } owner && participants.Count == 0)
        {
            participants = [owner];
        }

        var eligible = EligibleMembers(members);
        if (participants.Count is 0 or > MaxParticipants)
        {
            throw new DomainValidationException(
                "chore.participants",
                $"participantIds: a chore has 1 to {MaxParticipants} participants.",
                "participantIds"
            );
        }

        if (participants.Distinct().Count() != participants.Count)
        {
            throw new DomainValidationException(
                "chore.participants",
                "participantIds: each participant is named once.",
                "participantIds"
            );
        }

        if (!participants.All(eligible.Contains))
        {
            throw new DomainValidationException(
                "chore.participants",
                "participantIds: every participant must be a member who may read the chore.",
                "participantIds"
            );
        }

        var staying = ActiveParticipants.Where(p => participants.Contains(p.UserId)).ToList();
        var minimumTurns = staying.Count == 0 ? 0 : staying.Min(p => p.Turns);
        // Open assignments count as work in hand, as they do for the fewest-completions pick.
        var minimumCompletions =
            staying.Count == 0 ? 0 : staying.Min(p => p.Completions + OpenCountOf(p.UserId));
        foreach (var leaving in ActiveParticipants.Where(p => !participants.Contains(p.UserId)))
        {
            leaving.Deactivate();
        }

        for (var position = 0; position < participants.Count; position++)
        {
            var user = participants[position];
            var existing = ParticipantRecordOf(user);
            if (existing is null)
            {
                _participants.Add(
                    new ChoreParticipant(this, user, position, minimumTurns, minimumCompletions)
                );
            }
            else if (!existing.IsActive)
            {
                existing.Activate(position, minimumTurns, minimumCompletions);
            }
            else
            {
                existing.MoveTo(position);
            }
        }
    }

    /// <summary>Who may hold this chore: the owner of a personal chore, the group's members otherwise.</summary>
    private IReadOnlySet<UserId> EligibleMembers(IReadOnlySet<UserId> members) =>
        OwnerUserId is { } owner ? new HashSet<UserId> { owner } : members;

    private int OpenCountOf(UserId user) => OpenAssignments.Count(a => a.AssigneeUserId == user);

    private ChoreParticipant? ParticipantRecordOf(UserId user) =>
        _participants.FirstOrDefault(p => p.UserId == user);

    private ChoreAssignment RequireAssignment(ChoreAssignmentId assignmentId) =>
        FindAssignment(assignmentId)
        ?? throw new BusinessRuleViolationException(
            "chore.assignment-missing",
            "The assignment does not belong to this chore."
        );

    private void EnsureNotArchived()
    {
        if (IsArchived)
        {
            throw new BusinessRuleViolationException(
                "chore.archived",
                "The chore is archived: unarchive it first."
            );
        }
    }

    private void DefinitionChanged(ChoreEventKind kind, Actor by, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
        Record(kind, by, now, null);
    }

    private void Record(
        ChoreEventKind kind,
        Actor by,
        DateTimeOffset now,
        ChoreAssignment? assignment
    )
    {
        UpdatedAt = now;
        _recordedHistory.Add(new ChoreEvent(this, ++HistorySequence, kind, by, now, assignment));
    }
}
