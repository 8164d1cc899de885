namespace Ledger.Application.Lists.Commands.AddListItem;

/// <summary>
/// Adds an item at the end of a list. Needs no version: adding conflicts with nothing, and two
/// phones adding at once both succeed (the list's lock gives each its own revision).
/// </summary>
public sealed record AddListItem(ListId ListId, string Name, string? Quantity = null)
    : ICommand<ListItemDto>,
        IRequiresAccess
{
    public Access Access => Access.List(ListId);
}

public sealed class AddListItemValidator : AbstractValidator<AddListItem>
{
    public AddListItemValidator()
    {
        RuleFor(c => c.Name).MustBeAnItemName();
        RuleFor(c => c.Quantity).MustBeAQuantity();
    }
}

public sealed class AddListItemHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<AddListItem, ListItemDto>
{
    public async ValueTask<ListItemDto> Handle(
        AddListItem command,
        CancellationToken cancellationToken
    )
    {
        var list = await db.LockAndLoadListAsync(command.ListId, cancellationToken);
        var item = list.AddItem(
            command.Name,
            command.Quantity,
            principal.RequireUserId(),
            clock.GetUtcNow()
        );
        return ListItemDto.From(item, list.Currency);
    }
}
