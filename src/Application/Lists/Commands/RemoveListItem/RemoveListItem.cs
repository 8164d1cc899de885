namespace Ledger.Application.Lists.Commands.RemoveListItem;

/// <summary>
/// Removes an item from a list. The row stays as a tombstone (the changes feed reports the
/// removal; an expense that charged the item keeps its own copy and is never touched).
/// </summary>
public sealed record RemoveListItem(ListId ListId, ListItemId ItemId, int ExpectedVersion)
    : ListItemChange(ListId, ItemId, ExpectedVersion);

public sealed class RemoveListItemValidator : ListItemChangeValidator<RemoveListItem>;

public sealed class RemoveListItemHandler(ListTransitions lists, ICurrentPrincipal principal)
    : ICommandHandler<RemoveListItem, ListItemDto>
{
    public async ValueTask<ListItemDto> Handle(
        RemoveListItem command,
        CancellationToken cancellationToken
    ) =>
        await lists.ChangeItemAsync(
            command,
            (list, item, now) => list.RemoveItem(item.Id, principal.RequireUserId(), now),
            cancellationToken
        );
}
