using Ledger.Domain.Lists;

namespace Ledger.Application.Lists.Commands.ReorderListItems;

/// <summary>
/// Puts a list's items in a new order, naming every live item once. The order belongs to the
/// list, so the list's version guards it: two phones reordering at once cannot both win.
/// </summary>
public sealed record ReorderListItems(
    ListId ListId,
    IReadOnlyList<ListItemId> ItemIds,
    int ExpectedVersion
) : ICommand<ListWithItemsDto>, IRequiresAccess, IListChange
{
    public Access Access => Access.List(ListId);
}

public sealed class ReorderListItemsValidator : VersionedCommandValidator<ReorderListItems>
{
    public ReorderListItemsValidator()
    {
        RuleFor(c => c.ItemIds)
            .NotNull()
            .Must(ids => ids.Count <= ShoppingList.MaxItems)
            .WithMessage($"A list has at most {ShoppingList.MaxItems} items.");
    }
}

public sealed class ReorderListItemsHandler(ListTransitions lists)
    : ICommandHandler<ReorderListItems, ListWithItemsDto>
{
    public async ValueTask<ListWithItemsDto> Handle(
        ReorderListItems command,
        CancellationToken cancellationToken
    ) =>
        await lists.ChangeListAsync(
            command,
            (list, now) => list.Reorder(command.ItemIds, now),
            ListWithItemsDto.Whole,
            cancellationToken
        );
}
