namespace Ledger.Application.Chores.Commands.ArchiveChore;

/// <summary>
/// Archives a chore: no new occurrences are assigned and its assignments are frozen until it is
/// unarchived. Nothing is deleted; the history keeps everything. The chore's users only; handled
/// with unarchiving by <see cref="ChoreArchivingHandler"/>.
/// </summary>
public sealed record ArchiveChore(ChoreId ChoreId, int ExpectedVersion)
    : ChoreArchiving(ChoreId, ExpectedVersion);

public sealed class ArchiveChoreValidator : VersionedCommandValidator<ArchiveChore>;
