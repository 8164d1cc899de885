namespace Ledger.Application.Lists.Commands.RenameList;

/// <summary>Renames a list the caller may use, if they saw its current version.</summary>
public sealed record RenameList(ListId ListId, string Name, int ExpectedVersion)
    : ICommand<ListDto>,
        IRequiresAccess,
        IListChange
{
    public Access Access => Access.List(ListId);
}

public sealed class RenameListValidator : VersionedCommandValidator<RenameList>
{
    public RenameListValidator() => RuleFor(c => c.Name).MustBeAListName();
}

public sealed class RenameListHandler(ListTransitions lists) : ICommandHandler<RenameList, ListDto>
{
    public async ValueTask<ListDto> Handle(
        RenameList command,
        CancellationToken cancellationToken
    ) =>
        await lists.ChangeListAsync(
            command,
            (list, now) => list.Rename(command.Name, now),
            ListDto.From,
            cancellationToken
        );
}
