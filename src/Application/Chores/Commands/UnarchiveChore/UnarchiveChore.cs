namespace Ledger.Application.Chores.Commands.UnarchiveChore;

/// <summary>
/// Brings an archived chore back: occurrences that passed while it was archived lapse, and the
/// next one is assigned if none is open. The chore's users only; handled with archiving by
/// <see cref="ChoreArchivingHandler"/>.
/// </summary>
public sealed record UnarchiveChore(ChoreId ChoreId, int ExpectedVersion)
    : ChoreArchiving(ChoreId, ExpectedVersion);

public sealed class UnarchiveChoreValidator : VersionedCommandValidator<UnarchiveChore>;
