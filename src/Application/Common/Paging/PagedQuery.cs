namespace Ledger.Application.Common.Paging;

/// <summary>A query that reads a page at a time: how many items, and where the last page ended.</summary>
public interface IPagedQuery
{
    int? Limit { get; }

    string? Cursor { get; }
}

/// <summary>
/// The rules every paged query's inputs follow (<see cref="PageLimits"/>). A paged query's
/// validator derives from this one and adds its own rules, if it has any.
/// </summary>
public abstract class PagedQueryValidator<T> : AbstractValidator<T>
    where T : IPagedQuery
{
    protected PagedQueryValidator()
    {
        RuleFor(q => q.Limit).MustBeAPageLimit();
        RuleFor(q => q.Cursor).MustBeACursor();
    }
}
