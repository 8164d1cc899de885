namespace Ledger.Application.Common.Paging;

/// <summary>
/// A page of things that either a group or one user owns (shopping lists, chores): with
/// <see cref="GroupId"/> the group's (members only), without it the caller's personal ones.
/// Archived ones only on request.
/// </summary>
public abstract record OwnedListingQuery<TDto>(
    GroupId? GroupId,
    bool IncludeArchived,
    int? Limit,
    string? Cursor
) : IQuery<Page<TDto>>, IPagedQuery, IRequiresAccess
{
    public Access Access => Access.PersonalOrGroup(GroupId);
}

public static class OwnedListing
{
    /// <summary>
    /// The owner an <see cref="OwnedListingQuery{TDto}"/> lists (its group, or the caller) and
    /// the page to read. The owner and the archived flag are part of the cursor's purpose, so a
    /// cursor pages only the listing it was issued for.
    /// </summary>
    public static (Ownership Owner, KeysetPage<TRow> Page) OpenOwned<TRow, TDto>(
        this CursorCodec cursors,
        KeysetOrder<TRow> order,
        string listing,
        OwnedListingQuery<TDto> query,
        ICurrentPrincipal principal
    )
    {
        var owner = query.GroupId is { } groupId
            ? Ownership.OfGroup(groupId)
            : Ownership.Personal(principal.RequireUserId());
        var page = cursors.Open(
            order,
            $"{listing}:{owner.GroupId?.ToString() ?? "personal:" + owner.OwnerUserId}:{query.IncludeArchived}",
            query.Cursor,
            query.Limit
        );
        return (owner, page);
    }
}
