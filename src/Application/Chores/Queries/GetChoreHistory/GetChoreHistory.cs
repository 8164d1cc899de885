using Ledger.Application.Common.Paging;

namespace Ledger.Application.Chores.Queries.GetChoreHistory;

/// <summary>
/// A chore's history, newest first, a page at a time; with <see cref="AssignmentId"/>, only the
/// events of that assignment. Readable exactly by those who may read the chore: anyone else gets
/// the same 404 as for the chore itself (docs/requirements.md A7).
/// </summary>
public sealed record GetChoreHistory(
    ChoreId ChoreId,
    ChoreAssignmentId? AssignmentId = null,
    int? Limit = null,
    string? Cursor = null
) : IQuery<Page<ChoreEventDto>>, IRequiresAccess
{
    public Access Access => Access.Chore(ChoreId);
}

public sealed class GetChoreHistoryValidator : AbstractValidator<GetChoreHistory>
{
    public GetChoreHistoryValidator()
    {
        RuleFor(q => q.Limit).MustBeAPageLimit();
        RuleFor(q => q.Cursor).MustBeACursor();
    }
}

public sealed class GetChoreHistoryHandler(IApplicationDbContext db, CursorCodec cursors)
    : IQueryHandler<GetChoreHistory, Page<ChoreEventDto>>
{
    public async ValueTask<Page<ChoreEventDto>> Handle(
        GetChoreHistory query,
        CancellationToken cancellationToken
    )
    {
        var limit = PageLimits.Resolve(query.Limit);
        var purpose = $"chore-history:{query.ChoreId}:{query.AssignmentId}";
        var after = cursors.Decode<Position>(purpose, query.Cursor);

        // Filtered by the chore first: an assignment id of another chore finds nothing here.
        var events = db.ChoreEvents.AsNoTracking().Where(e => e.ChoreId == query.ChoreId);
        if (query.AssignmentId is { } assignmentId)
        {
            events = events.Where(e => e.AssignmentId == assignmentId);
        }

        if (after is not null)
        {
            events = events.Where(e => e.Sequence < after.BeforeSequence);
        }

        var fetched = await events
            .OrderByDescending(e => e.Sequence)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);

        return Page.FromOneExtra(
            fetched.Select(ChoreEventDto.From).ToList(),
            limit,
            last => cursors.Encode(purpose, new Position(last.Sequence))
        );
    }

    private sealed record Position(long BeforeSequence);
}
