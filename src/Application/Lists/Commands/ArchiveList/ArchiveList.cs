using Ledger.Application.Groups;

namespace Ledger.Application.Lists.Commands.ArchiveList;

/// <summary>
/// Archives a list: it stays readable and frozen until unarchived. Nothing is deleted, and
/// nothing outside the list (an expense made from its items) is touched.
/// </summary>
public sealed record ArchiveList(ListId ListId, int ExpectedVersion)
    : ICommand<ListDto>,
        IRequiresAccess,
        IVersionedCommand
{
    public Access Access => Access.List(ListId);
}

public sealed class ArchiveListValidator : AbstractValidator<ArchiveList>
{
    public ArchiveListValidator() => RuleFor(c => c.ExpectedVersion).MustBeAVersion();
}

public sealed class ArchiveListHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<ArchiveList, ListDto>
{
    public async ValueTask<ListDto> Handle(ArchiveList command, CancellationToken cancellationToken)
    {
        var list = await db.LockAndLoadListAsync(command.ListId, cancellationToken);
        command.EnsureCurrent(list, "list");
        list.Archive(clock.GetUtcNow());
        return ListDto.From(list);
    }
}
