using Ledger.Application.Lists.Commands.ArchiveList;
using Ledger.Application.Lists.Commands.UnarchiveList;
using Ledger.Domain.Lists;

namespace Ledger.Application.Lists;

/// <summary>A change to one list, from the list version the client last saw.</summary>
public interface IListChange : IVersionedCommand
{
    ListId ListId { get; }
}

/// <summary>A change to one live item of a list, from the item version the client last saw.</summary>
public interface IListItemChange : IVersionedCommand
{
    ListId ListId { get; }

    ListItemId ItemId { get; }
}

/// <summary>
/// A change to one live item of a list (edit, mark bought, unmark, remove), from the item
/// version the client last saw: the list's users only (<see cref="Access.List"/>).
/// </summary>
public abstract record ListItemChange(ListId ListId, ListItemId ItemId, int ExpectedVersion)
    : ICommand<ListItemDto>,
        IRequiresAccess,
        IListItemChange
{
    public Access Access => Access.List(ListId);
}

/// <summary>
/// The one shape of changing a list or one of its items: take the list's lock and load it with
/// its live items (404 if gone), find the item (404 for a removed one), refuse a stale version
/// (409), let the list apply the change at one instant, and answer with the changed state.
/// </summary>
public sealed class ListTransitions(IApplicationDbContext db, TimeProvider clock)
{
    public async Task<TResult> ChangeListAsync<TResult>(
        IListChange command,
        Action<ShoppingList, DateTimeOffset> change,
        Func<ShoppingList, TResult> result,
        CancellationToken cancellationToken
    )
    {
        var list = await db.LockAndLoadListAsync(command.ListId, cancellationToken);
        command.EnsureCurrent(list, "list");
        change(list, clock.GetUtcNow());
        return result(list);
    }

    public async Task<ListItemDto> ChangeItemAsync(
        IListItemChange command,
        Action<ShoppingList, ListItem, DateTimeOffset> change,
        CancellationToken cancellationToken
    )
    {
        var list = await db.LockAndLoadListAsync(command.ListId, cancellationToken);
        var item = list.RequireLiveItem(command.ItemId);
        command.EnsureCurrent(item, "item");
        change(list, item, clock.GetUtcNow());
        return ListItemDto.From(item, list.Currency);
    }
}

/// <summary>The rules every item change shares: an item id and a version.</summary>
public abstract class ListItemChangeValidator<TCommand> : VersionedCommandValidator<TCommand>
    where TCommand : IListItemChange
{
    protected ListItemChangeValidator() => RuleFor(c => c.ItemId).MustBeAnItemId();
}

/// <summary>
/// Archiving or unarchiving a list, from the list version the client last saw: the list's users
/// only (<see cref="Access.List"/>), the version is the only other input.
/// </summary>
public abstract record ListArchiving(ListId ListId, int ExpectedVersion)
    : ICommand<ListDto>,
        IRequiresAccess,
        IListChange
{
    public Access Access => Access.List(ListId);
}

/// <summary>Handles both directions of <see cref="ListArchiving"/>; the list says what may change.</summary>
public sealed class ListArchivingHandler(ListTransitions lists)
    : ICommandHandler<ArchiveList, ListDto>,
        ICommandHandler<UnarchiveList, ListDto>
{
    public async ValueTask<ListDto> Handle(
        ArchiveList command,
        CancellationToken cancellationToken
    ) =>
        await lists.ChangeListAsync(
            command,
            (list, now) => list.Archive(now),
            ListDto.From,
            cancellationToken
        );

    public async ValueTask<ListDto> Handle(
        UnarchiveList command,
        CancellationToken cancellationToken
    ) =>
        await lists.ChangeListAsync(
            command,
            (list, now) => list.Unarchive(now),
            ListDto.From,
            cancellationToken
        );
}
