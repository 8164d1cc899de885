using Ledger.Domain.Common;

namespace Ledger.Domain.Chores;

// The chore's rotation: who takes part, in which order, and whose turn is next.

public sealed partial class Chore
{
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
}
