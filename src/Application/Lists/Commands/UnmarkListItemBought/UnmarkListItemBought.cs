using Ledger.Application.Groups;

namespace Ledger.Application.Lists.Commands.UnmarkListItemBought;

/// <summary>Puts a bought item back on the list to buy, dropping its price.</summary>
public sealed record UnmarkListItemBought(ListId ListId, ListItemId ItemId, int ExpectedVersion)
    : ICommand<ListItemDto>,
        IRequiresAccess,
        IVersionedCommand
{
    public Access Access => Access.List(ListId);
}

public sealed class UnmarkListItemBoughtValidator : AbstractValidator<UnmarkListItemBought>
{
    public UnmarkListItemBoughtValidator()
    {
        RuleFor(c => c.ItemId).MustBeAnItemId();
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class UnmarkListItemBoughtHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<UnmarkListItemBought, ListItemDto>
{
    public async ValueTask<ListItemDto> Handle(
        UnmarkListItemBought command,
        CancellationToken cancellationToken
    )
    {
        var list = await db.LockAndLoadListAsync(command.ListId, cancellationToken);
        var item = list.RequireLiveItem(command.ItemId);
        command.EnsureCurrent(item, "item");
        list.UnmarkBought(item.Id, clock.GetUtcNow());
        return ListItemDto.From(item, list.Currency);
    }
}
