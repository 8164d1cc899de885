namespace Ledger.Application.Common.Paging;

/// <summary>
/// A page of one group's records, for its members and partners with <c>ledger.read</c>
/// (<see cref="GroupReadQuery{TResult}"/>), read a page at a time (<see cref="IPagedQuery"/>).
/// </summary>
public abstract record GroupListingQuery<TDto>(GroupId GroupId, int? Limit, string? Cursor)
    : GroupReadQuery<Page<TDto>>(GroupId),
        IPagedQuery;
