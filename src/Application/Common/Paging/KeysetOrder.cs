using System.Linq.Expressions;
using System.Text.Json;

namespace Ledger.Application.Common.Paging;

/// <summary>
/// The one keyset (seek) paging helper: the order of a cursor-paged list, written once as the
/// keys it sorts by (the last one unique, usually the time-ordered id), all ascending or all
/// descending. From it come the SQL <c>where (a, b) &gt; (cursor) order by a, b limit n + 1</c>,
/// the position a cursor carries and the next cursor of a page, so no list writes them again.
/// </summary>
/// <example>
/// <code>
/// private static readonly KeysetOrder&lt;Settlement&gt; NewestFirst = KeysetOrder&lt;Settlement&gt;.Descending(s =&gt; s.Id);
///
/// var page = cursors.Open(NewestFirst, $"settlements:{query.GroupId}", query.Cursor, query.Limit);
/// return await page.ToPageAsync(rows, SettlementDto.From, cancellationToken);
/// </code>
/// </example>
public sealed class KeysetOrder<TRow>
{
    private readonly ParameterExpression row = Expression.Parameter(typeof(TRow), "row");
    private readonly List<(Expression Body, Type Type, Func<TRow, object?> Read)> keys = [];

    private KeysetOrder(bool descending) => IsDescending = descending;

    public bool IsDescending { get; }

    internal int KeyCount => keys.Count;

    /// <summary>Smallest first, by <paramref name="key"/> (add ties with <see cref="ThenBy"/>).</summary>
    public static KeysetOrder<TRow> Ascending<TKey>(Expression<Func<TRow, TKey>> key) =>
        new KeysetOrder<TRow>(descending: false).ThenBy(key);

    /// <summary>Largest (newest) first, by <paramref name="key"/>.</summary>
    public static KeysetOrder<TRow> Descending<TKey>(Expression<Func<TRow, TKey>> key) =>
        new KeysetOrder<TRow>(descending: true).ThenBy(key);

    /// <summary>A further key that breaks ties, in the same direction; the last key is unique.</summary>
    public KeysetOrder<TRow> ThenBy<TKey>(Expression<Func<TRow, TKey>> key)
    {
        var body = new Rebind(key.Parameters[0], row).Visit(key.Body);
        var read = key.Compile();
        keys.Add((body, typeof(TKey), r => read(r)));
        return this;
    }

    /// <summary>The key values of <paramref name="item"/>, in order: what a cursor after it holds.</summary>
    internal object?[] PositionOf(TRow item) => keys.Select(k => k.Read(item)).ToArray();

    internal byte[] Serialize(object?[] position)
    {
        var elements = new JsonElement[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            elements[i] = JsonSerializer.SerializeToElement(position[i], keys[i].Type);
        }

        return JsonSerializer.SerializeToUtf8Bytes(elements);
    }

    /// <summary>The key values a cursor's payload holds, or null if it does not fit this order.</summary>
    internal object?[]? Deserialize(JsonElement[] elements)
    {
        if (elements.Length != keys.Count)
        {
            return null;
        }

        var position = new object?[keys.Count];
        try
        {
            for (var i = 0; i < keys.Count; i++)
            {
                position[i] = elements[i].Deserialize(keys[i].Type);
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return position;
    }

    /// <summary>
    /// The rows after <paramref name="position"/> (none: from the start), in this order, at most
    /// <paramref name="take"/>. Lexicographic: <c>a &gt; x or (a = x and b &gt; y)</c>, the form
    /// the (a, b) indexes serve; the values are read from an array, so EF sends them as parameters.
    /// </summary>
    internal IQueryable<TRow> Seek(IQueryable<TRow> rows, object?[]? position, int take)
    {
        if (position is not null)
        {
            rows = rows.Where(After(position));
        }

        for (var i = 0; i < keys.Count; i++)
        {
            var method = (i == 0, IsDescending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var call = Expression.Call(
                typeof(Queryable),
                method,
                [typeof(TRow), keys[i].Type],
                rows.Expression,
                Expression.Quote(Expression.Lambda(keys[i].Body, row))
            );
            rows = rows.Provider.CreateQuery<TRow>(call);
        }

        return rows.Take(take);
    }

    private Expression<Func<TRow, bool>> After(object?[] position)
    {
        var values = Expression.Constant(position);
        Expression Value(int i) =>
            Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(i)), keys[i].Type);
        Expression Beyond(int i) =>
            IsDescending
                ? Expression.LessThan(keys[i].Body, Value(i))
                : Expression.GreaterThan(keys[i].Body, Value(i));

        var condition = Beyond(keys.Count - 1);
        for (var i = keys.Count - 2; i >= 0; i--)
        {
            condition = Expression.OrElse(
                Beyond(i),
                Expression.AndAlso(Expression.Equal(keys[i].Body, Value(i)), condition)
            );
        }

        return Expression.Lambda<Func<TRow, bool>>(condition, row);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to)
        : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// One request's walk through a <see cref="KeysetOrder{TRow}"/>: the position its cursor
/// points after (bound to the list by the purpose) and how many items a page holds.
/// </summary>
public sealed class KeysetPage<TRow>
{
    private readonly KeysetOrder<TRow> order;
    private readonly CursorCodec cursors;
    private readonly string purpose;
    private readonly object?[]? after;

    internal KeysetPage(
        KeysetOrder<TRow> order,
        CursorCodec cursors,
        string purpose,
        string? cursor,
        int? limit
    )
    {
        this.order = order;
        this.cursors = cursors;
        this.purpose = purpose;
        Limit = PageLimits.Resolve(limit);
        after = cursor is null
            ? null
            : order.Deserialize(cursors.Decode<JsonElement[]>(purpose, cursor)!)
                ?? throw CursorCodec.Invalid();
    }

    public int Limit { get; }

    /// <summary>The rows after the cursor, in order, one more than a page (to tell a next page exists).</summary>
    public IQueryable<TRow> Seek(IQueryable<TRow> rows) => order.Seek(rows, after, Limit + 1);

    /// <summary>The page of <paramref name="fetched"/> (rows from <see cref="Seek"/>), mapped.</summary>
    public Page<TItem> ToPage<TItem>(IReadOnlyList<TRow> fetched, Func<TRow, TItem> map) =>
        ToPage(fetched, map, order.PositionOf);

    /// <summary>
    /// The page of <paramref name="fetched"/>, rows from <see cref="Seek"/> projected in SQL to
    /// what the list shows; <paramref name="positionOf"/> gives an item's keys, in the order's order.
    /// </summary>
    public Page<TItem> ToPage<TFetched, TItem>(
        IReadOnlyList<TFetched> fetched,
        Func<TFetched, TItem> map,
        Func<TFetched, object?[]> positionOf
    )
    {
        var kept = fetched.Count > Limit ? fetched.Take(Limit).ToList() : fetched;
        var next =
            fetched.Count > Limit
                ? cursors.EncodePayload(purpose, order.Serialize(positionOf(kept[^1])))
                : null;
        return new Page<TItem>(kept.Select(map).ToList(), next);
    }

    /// <summary>Seeks, reads and pages in one go, for lists that read whole rows.</summary>
    public async Task<Page<TItem>> ToPageAsync<TItem>(
        IQueryable<TRow> rows,
        Func<TRow, TItem> map,
        CancellationToken cancellationToken
    )
    {
        var fetched = await Seek(rows).ToListAsync(cancellationToken);
        return ToPage(fetched, map);
    }
}

public static class KeysetPaging
{
    /// <summary>Starts a page of a keyset-ordered list: decodes the cursor (a bad one is a 400).</summary>
    public static KeysetPage<TRow> Open<TRow>(
        this CursorCodec cursors,
        KeysetOrder<TRow> order,
        string purpose,
        string? cursor,
        int? limit
    ) => new(order, cursors, purpose, cursor, limit);

    /// <summary>
    /// One page of <paramref name="rows"/> for a paged query, in one call: opens the query's
    /// cursor for <paramref name="purpose"/> (a bad one is a 400), seeks, reads and maps. What
    /// a list that reads whole rows writes instead of the steps.
    /// </summary>
    public static Task<Page<TItem>> ReadPageAsync<TRow, TItem>(
        this CursorCodec cursors,
        IPagedQuery query,
        KeysetOrder<TRow> order,
        string purpose,
        IQueryable<TRow> rows,
        Func<TRow, TItem> map,
        CancellationToken cancellationToken
    ) =>
        cursors
            .Open(order, purpose, query.Cursor, query.Limit)
            .ToPageAsync(rows, map, cancellationToken);
}
