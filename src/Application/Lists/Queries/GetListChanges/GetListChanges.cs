namespace Ledger.Application.Lists.Queries.GetListChanges;

/// <summary>
/// What changed on a list since the revision a client last saw: the list itself (its revision
/// is the client's next starting point) and every item changed after it, removed ones included
/// as tombstones. Revisions are handed out in commit order under the list's lock, so a client
/// that syncs from the revision it got never misses a change. Since 0 (or a revision so old
/// that too much changed) answers the whole list instead, marked <c>full</c>.
/// </summary>
public sealed record GetListChanges(ListId ListId, long Since)
    : IQuery<ListWithItemsDto>,
        IRequiresAccess
{
    public Access Access => Access.List(ListId);
}

public sealed class GetListChangesValidator : AbstractValidator<GetListChanges>
{
    public GetListChangesValidator() => RuleFor(q => q.Since).GreaterThanOrEqualTo(0);
}

public sealed class GetListChangesHandler(IApplicationDbContext db)
    : IQueryHandler<GetListChanges, ListWithItemsDto>
{
    /// <summary>More changes than this, and the whole list is the cheaper answer.</summary>
    public const int MaxChanges = 1000;

    public async ValueTask<ListWithItemsDto> Handle(
        GetListChanges query,
        CancellationToken cancellationToken
    )
    {
        // One statement for list and items: they must come from the same snapshot.
        var list =
            await db
                .Lists.AsNoTracking()
                .Include(l =>
                    l.Items.Where(i =>
                            query.Since == 0
                                ? i.RemovedAt == null
                                : i.ChangedAtRevision > query.Since
                        )
                        .OrderBy(i => i.ChangedAtRevision)
                        .Take(MaxChanges + 1)
                )
                .SingleOrDefaultAsync(l => l.Id == query.ListId, cancellationToken)
            ?? throw new NotFoundException("list");

        if (query.Since == 0)
        {
            return ListWithItemsDto.Whole(list);
        }

        if (list.Items.Count > MaxChanges || query.Since > list.Revision)
        {
            // Too much changed, or the client's revision is not one we issued: start over.
            return await WholeListAsync(query.ListId, cancellationToken);
        }

        return new ListWithItemsDto(
            ListDto.From(list),
            false,
            list.Items.OrderBy(i => i.ChangedAtRevision)
                .ThenBy(i => i.Position)
                .Select(i => ListItemDto.From(i, list.Currency))
                .ToList()
        );
    }

    private async Task<ListWithItemsDto> WholeListAsync(
        ListId listId,
        CancellationToken cancellationToken
    )
    {
        var list = await db
            .Lists.AsNoTracking()
            .Include(l => l.Items.Where(i => i.RemovedAt == null))
            .SingleAsync(l => l.Id == listId, cancellationToken);
        return ListWithItemsDto.Whole(list);
    }
}
