using Ledger.Application.Groups;

namespace Ledger.Application.Lists.Commands.RenameList;

/// <summary>Renames a list the caller may use, if they saw its current version.</summary>
public sealed record RenameList(ListId ListId, string Name, int ExpectedVersion)
    : ICommand<ListDto>,
        IRequiresAccess,
        IVersionedCommand
{
    public Access Access => Access.List(ListId);
}

public sealed class RenameListValidator : AbstractValidator<RenameList>
{
    public RenameListValidator()
    {
        RuleFor(c => c.Name).MustBeAListName();
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class RenameListHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<RenameList, ListDto>
{
    public async ValueTask<ListDto> Handle(RenameList command, CancellationToken cancellationToken)
    {
        var list = await db.LockAndLoadListAsync(command.ListId, cancellationToken);
        command.EnsureCurrent(list, "list");
        list.Rename(command.Name, clock.GetUtcNow());
        return ListDto.From(list);
    }
}
