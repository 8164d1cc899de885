using Ledger.Application.Groups;
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
) : ICommand<ListItemDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.List(ListId);
}

public sealed class MarkListItemBoughtValidator : AbstractValidator<MarkListItemBought>
{
    public MarkListItemBoughtValidator()
    {
        RuleFor(c => c.ItemId).MustBeAnItemId();
        RuleFor(c => c.Price).MaximumLength(Money.MaxTextLength);
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class MarkListItemBoughtHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<MarkListItemBought, ListItemDto>
{
    public async ValueTask<ListItemDto> Handle(
        MarkListItemBought command,
        CancellationToken cancellationToken
    )
    {
        var list = await db.LockAndLoadListAsync(command.ListId, cancellationToken);
        var item = list.RequireLiveItem(command.ItemId);
        command.EnsureCurrent(item, "item");
        var price = command.Price is null
            ? null
            : Money.Parse(command.Price, list.Currency, "price");
        list.MarkBought(item.Id, price, principal.RequireUserId(), clock.GetUtcNow());
        return ListItemDto.From(item, list.Currency);
    }
}
