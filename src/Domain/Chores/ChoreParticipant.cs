using Ledger.Domain.Common;

namespace Ledger.Domain.Chores;

/// <summary>
/// A member taking part in a chore's rotation, with the counters the rotation decides by. Rows
/// are kept when a participant is removed or leaves the group (inactive), so that coming back
/// does not reset their record.
/// </summary>
public sealed class ChoreParticipant
{
    internal ChoreParticipant(Chore chore, UserId userId, int position, int turns, int completions)
    {
        ChoreId = chore.Id;
        GroupId = chore.GroupId;
        UserId = userId;
        Position = position;
        Turns = turns;
        Completions = completions;
        IsActive = true;
    }

    private ChoreParticipant() { }

    public ChoreId ChoreId { get; private init; }
    public GroupId? GroupId { get; private init; }
    public UserId UserId { get; private init; }

    /// <summary>The participant's place in the rotation order (0 first).</summary>
    public int Position { get; private set; }

    /// <summary>Turns handed to this participant by the rotation (skipped turns given back).</summary>
    public int Turns { get; private set; }

    /// <summary>Occurrences of this chore this participant completed (whoever they were assigned to).</summary>
    public int Completions { get; private set; }

    /// <summary>When the rotation last handed them a turn (the chore's turn sequence); 0 never.</summary>
    public long LastTurn { get; private set; }

    public bool IsActive { get; private set; }

    internal void TakeTurn(long sequence)
    {
        Turns++;
        LastTurn = sequence;
    }

    internal void GiveTurnBack() => Turns = Math.Max(0, Turns - 1);

    internal void RetakeTurn() => Turns++;

    internal void Completed() => Completions++;

    internal void CompletionUndone() => Completions = Math.Max(0, Completions - 1);

    internal void Deactivate() => IsActive = false;

    /// <summary>
    /// Joins (or rejoins) the rotation level with the least busy participant, so a newcomer is
    /// neither swamped with catch-up turns nor let off: fairness stays within one turn.
    /// </summary>
    internal void Activate(int position, int minimumTurns, int minimumCompletions)
    {
        IsActive = true;
        Position = position;
        Turns = Math.Max(Turns, minimumTurns);
        Completions = Math.Max(Completions, minimumCompletions);
    }

    internal void MoveTo(int position) => Position = position;
}
