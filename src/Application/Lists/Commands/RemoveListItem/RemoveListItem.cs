using Ledger.Application.Groups;

namespace Ledger.Application.Lists.Commands.RemoveListItem;

/// <summary>
/// Removes an item from a list. The row stays as a tombstone (the changes feed reports the
/// removal; an expense that charged the item keeps its own copy and is never touched).
/// </summary>
public sealed record RemoveListItem(ListId ListId, ListItemId ItemId, int ExpectedVersion)
    : ICommand<ListItemDto>,
        IRequiresAccess,
        IVersionedCommand
{
    public Access Access => Access.List(ListId);
}

public sealed class RemoveListItemValidator : AbstractValidator<RemoveListItem>
{
    public RemoveListItemValidator()
    {
        RuleFor(c => c.ItemId).MustBeAnItemId();
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class RemoveListItemHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<RemoveListItem, ListItemDto>
{
    public async ValueTask<ListItemDto> Handle(
        RemoveListItem command,
        CancellationToken cancellationToken
    )
    {
        var list = await db.LockAndLoadListAsync(command.ListId, cancellationToken);
        var item = list.RequireLiveItem(command.ItemId);
        command.EnsureCurrent(item, "item");
        list.RemoveItem(item.Id, principal.RequireUserId(), clock.GetUtcNow());
        return ListItemDto.From(item, list.Currency);
    }
}
