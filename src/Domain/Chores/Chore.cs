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
public sealed partial class Chore : AggregateRoot<ChoreId>, IVersioned
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
