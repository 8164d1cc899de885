using Ledger.Application.Common.Paging;
using Ledger.Application.Common.QueryStrings;
using Ledger.Domain.Chores;

namespace Ledger.Application.Chores.Queries.ListChoreAssignments;

/// <summary>
/// A chore's assignments, latest due date first, a page at a time; optionally only those with
/// <see cref="Status"/>. Readable exactly by those who may read the chore.
/// </summary>
public sealed record ListChoreAssignments(
    ChoreId ChoreId,
    QueryValue<AssignmentStatus> Status = default,
    int? Limit = null,
    string? Cursor = null
) : IQuery<Page<AssignmentDto>>, IPagedQuery, IRequiresAccess
{
    public Access Access => Access.Chore(ChoreId);
}

public sealed class ListChoreAssignmentsValidator : PagedQueryValidator<ListChoreAssignments>
{
    public ListChoreAssignmentsValidator()
    {
        RuleFor(q => q.Status).MustRead("'status' is one of open, completed, skipped.");
    }
}

public sealed class ListChoreAssignmentsHandler(IApplicationDbContext db, CursorCodec cursors)
    : IQueryHandler<ListChoreAssignments, Page<AssignmentDto>>
{
    public async ValueTask<Page<AssignmentDto>> Handle(
        ListChoreAssignments query,
        CancellationToken cancellationToken
    )
    {
        // A chore has one assignment per due date, so the due date alone is the keyset.
        var assignments = db.ChoreAssignments.AsNoTracking().Where(a => a.ChoreId == query.ChoreId);
        if (query.Status.Value is { } status)
        {
            assignments = assignments.Where(a => a.Status == status);
        }

        return await cursors.ReadPageAsync(
            query,
            LatestDueFirst,
            $"chore-assignments:{query.ChoreId}:{query.Status.Value}",
            assignments,
            AssignmentDto.From,
            cancellationToken
        );
    }

    private static readonly KeysetOrder<ChoreAssignment> LatestDueFirst =
        KeysetOrder<ChoreAssignment>.Descending(a => a.DueDate);
}
