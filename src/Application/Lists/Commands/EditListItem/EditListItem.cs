namespace Ledger.Application.Lists.Commands.EditListItem;

/// <summary>Changes an item's name and quantity, if the caller saw the item's current version.</summary>
public sealed record EditListItem(
    ListId ListId,
    ListItemId ItemId,
    string Name,
    string? Quantity,
    int ExpectedVersion
) : ListItemChange(ListId, ItemId, ExpectedVersion);

public sealed class EditListItemValidator : ListItemChangeValidator<EditListItem>
{
    public EditListItemValidator()
    {
        RuleFor(c => c.Name).MustBeAnItemName();
        RuleFor(c => c.Quantity).MustBeAQuantity();
    }
}

public sealed class EditListItemHandler(ListTransitions lists)
    : ICommandHandler<EditListItem, ListItemDto>
{
    public async ValueTask<ListItemDto> Handle(
        EditListItem command,
        CancellationToken cancellationToken
    ) =>
        await lists.ChangeItemAsync(
            command,
            (list, item, now) => list.EditItem(item.Id, command.Name, command.Quantity, now),
            cancellationToken
        );
}
