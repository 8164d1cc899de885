using Ledger.Application.Groups;

namespace Ledger.Application.Lists.Commands.UnarchiveList;

/// <summary>Brings an archived list back into use.</summary>
public sealed record UnarchiveList(ListId ListId, int ExpectedVersion)
    : ICommand<ListDto>,
        IRequiresAccess,
        IVersionedCommand
{
    public Access Access => Access.List(ListId);
}

public sealed class UnarchiveListValidator : AbstractValidator<UnarchiveList>
{
    public UnarchiveListValidator() => RuleFor(c => c.ExpectedVersion).MustBeAVersion();
}

public sealed class UnarchiveListHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<UnarchiveList, ListDto>
{
    public async ValueTask<ListDto> Handle(
        UnarchiveList command,
        CancellationToken cancellationToken
    )
    {
        var list = await db.LockAndLoadListAsync(command.ListId, cancellationToken);
        command.EnsureCurrent(list, "list");
        list.Unarchive(clock.GetUtcNow());
        return ListDto.From(list);
    }
}
