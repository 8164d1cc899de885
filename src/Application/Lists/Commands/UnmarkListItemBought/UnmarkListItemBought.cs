namespace Ledger.Application.Lists.Commands.UnmarkListItemBought;

/// <summary>Puts a bought item back on the list to buy, dropping its price.</summary>
public sealed record UnmarkListItemBought(ListId ListId, ListItemId ItemId, int ExpectedVersion)
    : ListItemChange(ListId, ItemId, ExpectedVersion);

public sealed class UnmarkListItemBoughtValidator : ListItemChangeValidator<UnmarkListItemBought>;

public sealed class UnmarkListItemBoughtHandler(ListTransitions lists)
    : ICommandHandler<UnmarkListItemBought, ListItemDto>
{
    public async ValueTask<ListItemDto> Handle(
        UnmarkListItemBought command,
        CancellationToken cancellationToken
    ) =>
        await lists.ChangeItemAsync(
            command,
            (list, item, now) => list.UnmarkBought(item.Id, now),
            cancellationToken
        );
}
