using Ledger.Application.Groups;
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
) : ICommand<ListWithItemsDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.List(ListId);
}

public sealed class ReorderListItemsValidator : AbstractValidator<ReorderListItems>
{
    public ReorderListItemsValidator()
    {
        RuleFor(c => c.ItemIds)
            .NotNull()
            .Must(ids => ids.Count <= ShoppingList.MaxItems)
            .WithMessage($"A list has at most {ShoppingList.MaxItems} items.");
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class ReorderListItemsHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<ReorderListItems, ListWithItemsDto>
{
    public async ValueTask<ListWithItemsDto> Handle(
        ReorderListItems command,
        CancellationToken cancellationToken
    )
    {
        var list = await db.LockAndLoadListAsync(command.ListId, cancellationToken);
        command.EnsureCurrent(list, "list");
        list.Reorder(command.ItemIds, clock.GetUtcNow());
        return ListWithItemsDto.Whole(list);
    }
}
