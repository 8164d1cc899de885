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
) : IQuery<Page<GroupDto>>, IRequiresAccess
{
    public Access Access => Access.SignedInUser;
}

public sealed class ListMyGroupsValidator : AbstractValidator<ListMyGroups>
{
    public ListMyGroupsValidator()
    {
        RuleFor(q => q.Limit).MustBeAPageLimit();
        RuleFor(q => q.Cursor).MustBeACursor();
    }
}

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
        var limit = PageLimits.Resolve(query.Limit);
        // The archived flag is part of the purpose: a cursor of one listing cannot page the other.
        var purpose = $"{CursorPurpose}:{query.IncludeArchived}";
        var after = cursors.Decode<Position>(purpose, query.Cursor);

        var fetched = await db.Apply(
                new MyGroupsSpec(
                    me,
                    after is null ? null : GroupId.From(after.AfterGroupId),
                    limit + 1,
                    query.IncludeArchived
                )
            )
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

        return Page.FromOneExtra(
            fetched,
            limit,
            last => cursors.Encode(purpose, new Position(last.Id))
        );
    }

    private sealed record Position(Guid AfterGroupId);
}
