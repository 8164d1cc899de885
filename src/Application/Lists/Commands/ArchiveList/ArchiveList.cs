namespace Ledger.Application.Lists.Commands.ArchiveList;

/// <summary>
/// Archives a list: it stays readable and frozen until unarchived. Nothing is deleted, and
/// nothing outside the list (an expense made from its items) is touched. The list's users only;
/// handled with <see cref="UnarchiveList.UnarchiveList"/> by <see cref="ListArchivingHandler"/>.
/// </summary>
public sealed record ArchiveList(ListId ListId, int ExpectedVersion)
    : ListArchiving(ListId, ExpectedVersion);

public sealed class ArchiveListValidator : VersionedCommandValidator<ArchiveList>;
