using Ledger.Application.Groups;

namespace Ledger.Application.Lists.Commands.EditListItem;

/// <summary>Changes an item's name and quantity, if the caller saw the item's current version.</summary>
public sealed record EditListItem(
    ListId ListId,
    ListItemId ItemId,
    string Name,
    string? Quantity,
    int ExpectedVersion
) : ICommand<ListItemDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.List(ListId);
}

public sealed class EditListItemValidator : AbstractValidator<EditListItem>
{
    public EditListItemValidator()
    {
        RuleFor(c => c.ItemId).MustBeAnItemId();
        RuleFor(c => c.Name).MustBeAnItemName();
        RuleFor(c => c.Quantity).MustBeAQuantity();
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class EditListItemHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<EditListItem, ListItemDto>
{
    public async ValueTask<ListItemDto> Handle(
        EditListItem command,
        CancellationToken cancellationToken
    )
    {
        var list = await db.LockAndLoadListAsync(command.ListId, cancellationToken);
        var item = list.RequireLiveItem(command.ItemId);
        command.EnsureCurrent(item, "item");
        list.EditItem(item.Id, command.Name, command.Quantity, clock.GetUtcNow());
        return ListItemDto.From(item, list.Currency);
    }
}
