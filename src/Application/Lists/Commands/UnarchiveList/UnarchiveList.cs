namespace Ledger.Application.Lists.Commands.UnarchiveList;

/// <summary>
/// Brings an archived list back into use. The list's users only; handled with
/// <see cref="ArchiveList.ArchiveList"/> by <see cref="ListArchivingHandler"/>.
/// </summary>
public sealed record UnarchiveList(ListId ListId, int ExpectedVersion)
    : ListArchiving(ListId, ExpectedVersion);

public sealed class UnarchiveListValidator : VersionedCommandValidator<UnarchiveList>;
