namespace Ledger.Application.Common.Paging;

/// <summary>One page of a list; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Page
{
    /// <summary>
    /// Builds a page from a query that fetched one row more than <paramref name="limit"/>:
    /// that extra row only tells that another page exists, so it is dropped.
    /// </summary>
    public static Page<T> FromOneExtra<T>(
        IReadOnlyList<T> fetched,
        int limit,
        Func<T, string> cursorAfter
    )
    {
        if (fetched.Count <= limit)
        {
            return new Page<T>(fetched, null);
        }

        var items = fetched.Take(limit).ToList();
        return new Page<T>(items, cursorAfter(items[^1]));
    }
}
