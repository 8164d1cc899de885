using Ledger.Domain.Monetary;

namespace Ledger.Application.Lists.Commands.MarkListItemBought;

/// <summary>
/// Marks an item bought by the caller, now, optionally with the price paid: a string amount in
/// the list's currency ("12.50"). Marking a bought item again records the new price.
/// </summary>
public sealed record MarkListItemBought(
    ListId ListId,
    ListItemId ItemId,
    string? Price,
    int ExpectedVersion
) : ListItemChange(ListId, ItemId, ExpectedVersion);

public sealed class MarkListItemBoughtValidator : ListItemChangeValidator<MarkListItemBought>
{
    public MarkListItemBoughtValidator()
    {
        RuleFor(c => c.Price).MaximumLength(Money.MaxTextLength);
    }
}

public sealed class MarkListItemBoughtHandler(ListTransitions lists, ICurrentPrincipal principal)
    : ICommandHandler<MarkListItemBought, ListItemDto>
{
    public async ValueTask<ListItemDto> Handle(
        MarkListItemBought command,
        CancellationToken cancellationToken
    ) =>
        await lists.ChangeItemAsync(
            command,
            (list, item, now) =>
                list.MarkBought(
                    item.Id,
                    command.Price is null
                        ? null
                        : Money.Parse(command.Price, list.Currency, "price"),
                    principal.RequireUserId(),
                    now
                ),
            cancellationToken
        );
}
