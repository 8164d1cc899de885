using Ledger.Application.Common.Paging;
using Ledger.Application.Groups.Specifications;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Queries.ListMyGroups;

/// <summary>
/// The caller's groups, a page at a time: the active groups they are a member of and, with
/// <see cref="IncludeArchived"/>, the archived groups they used to own (status Archived, no
/// role), so that they can restore them. Deleted groups are never listed.
/// </summary>
public sealed record ListMyGroups(
    int? Limit = null,
    string? Cursor = null,
    bool IncludeArchived = false
) : IQuery<Page<GroupDto>>, IPagedQuery, IRequiresAccess
{
    public Access Access => Access.SignedInUser;
}

public sealed class ListMyGroupsValidator : PagedQueryValidator<ListMyGroups>;

public sealed class ListMyGroupsHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    CursorCodec cursors
) : IQueryHandler<ListMyGroups, Page<GroupDto>>
{
    private const string CursorPurpose = "groups.mine";

    public async ValueTask<Page<GroupDto>> Handle(
        ListMyGroups query,
        CancellationToken cancellationToken
    )
    {
        var me = principal.RequireUserId();
        // The archived flag is part of the purpose: a cursor of one listing cannot page the other.
        var page = cursors.Open(
            OldestFirst,
            $"{CursorPurpose}:{query.IncludeArchived}",
            query.Cursor,
            query.Limit
        );
        var fetched = await page.Seek(db.Apply(new MyGroupsSpec(me, query.IncludeArchived)))
            .Select(g => new GroupDto(
                g.Id.Value,
                g.Name,
                g.DefaultCurrency,
                g.TimeZoneId,
                g.Status,
                g.Memberships.Where(m => m.UserId == me && m.LeftAt == null)
                    .Select(m => (GroupRole?)m.Role)
                    .FirstOrDefault(),
                g.Version,
                g.CreatedAt
            ))
            .ToListAsync(cancellationToken);

        return page.ToPage(fetched, g => g, g => [GroupId.From(g.Id)]);
    }

    private static readonly KeysetOrder<Group> OldestFirst = KeysetOrder<Group>.Ascending(g =>
        g.Id
    );
}
