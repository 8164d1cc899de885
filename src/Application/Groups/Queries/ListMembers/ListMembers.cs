using Ledger.Application.Common.Paging;
using Ledger.Application.Groups.Specifications;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Queries.ListMembers;

/// <summary>A group's active members in the order they joined, with display names, for its members.</summary>
public sealed record ListMembers(GroupId GroupId, int? Limit = null, string? Cursor = null)
    : GroupListingQuery<MemberDto>(GroupId, Limit, Cursor);

public sealed class ListMembersValidator : PagedQueryValidator<ListMembers>;

public sealed class ListMembersHandler(
    IApplicationDbContext db,
    IUserDirectory users,
    CursorCodec cursors
) : IQueryHandler<ListMembers, Page<MemberDto>>
{
    public async ValueTask<Page<MemberDto>> Handle(
        ListMembers query,
        CancellationToken cancellationToken
    )
    {
        // Bound to the group: a cursor of one group's list cannot page another's.
        var page = await cursors.ReadPageAsync(
            query,
            JoinOrder,
            $"groups.members:{query.GroupId}",
            db.Apply(new ActiveMembersSpec(query.GroupId)),
            m => m,
            cancellationToken
        );
        var members = await MemberDto.FromAsync(page.Items, users, cancellationToken);
        return new Page<MemberDto>(members, page.NextCursor);
    }

    private static readonly KeysetOrder<Membership> JoinOrder = KeysetOrder<Membership>.Ascending(
        m => m.Id
    );
}
