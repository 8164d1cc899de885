using Ledger.Application.Common.Paging;
using Ledger.Domain.Chores;

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
) : IQuery<Page<ChoreEventDto>>, IPagedQuery, IRequiresAccess
{
    public Access Access => Access.Chore(ChoreId);
}

public sealed class GetChoreHistoryValidator : PagedQueryValidator<GetChoreHistory>;

public sealed class GetChoreHistoryHandler(IApplicationDbContext db, CursorCodec cursors)
    : IQueryHandler<GetChoreHistory, Page<ChoreEventDto>>
{
    public async ValueTask<Page<ChoreEventDto>> Handle(
        GetChoreHistory query,
        CancellationToken cancellationToken
    )
    {
        // Filtered by the chore first: an assignment id of another chore finds nothing here.
        var events = db.ChoreEvents.AsNoTracking().Where(e => e.ChoreId == query.ChoreId);
        if (query.AssignmentId is { } assignmentId)
        {
            events = events.Where(e => e.AssignmentId == assignmentId);
        }

        return await cursors.ReadPageAsync(
            query,
            NewestFirst,
            $"chore-history:{query.ChoreId}:{query.AssignmentId}",
            events,
            ChoreEventDto.From,
            cancellationToken
        );
    }

    private static readonly KeysetOrder<ChoreEvent> NewestFirst =
        KeysetOrder<ChoreEvent>.Descending(e => e.Sequence);
}
