using Ledger.Application.Common.Paging;
using Ledger.Application.Groups.Specifications;

namespace Ledger.Application.Groups.Queries.ListMembers;

/// <summary>A group's active members in the order they joined, with display names, for its members.</summary>
public sealed record ListMembers(GroupId GroupId, int? Limit = null, string? Cursor = null)
    : IQuery<Page<MemberDto>>,
        IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);
}

public sealed class ListMembersValidator : AbstractValidator<ListMembers>
{
    public ListMembersValidator()
    {
        RuleFor(q => q.Limit).MustBeAPageLimit();
        RuleFor(q => q.Cursor).MustBeACursor();
    }
}

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
        var limit = PageLimits.Resolve(query.Limit);
        // Bound to the group: a cursor of one group's list cannot page another's.
        var purpose = $"groups.members:{query.GroupId}";
        var after = cursors.Decode<Position>(purpose, query.Cursor);

        var fetched = await db.Apply(
                new ActiveMembersSpec(
                    query.GroupId,
                    after is null ? null : MembershipId.From(after.AfterMembershipId),
                    limit + 1
                )
            )
            .ToListAsync(cancellationToken);

        var page = Page.FromOneExtra(
            fetched,
            limit,
            last => cursors.Encode(purpose, new Position(last.Id.Value))
        );
        var members = await MemberDto.FromAsync(page.Items, users, cancellationToken);
        return new Page<MemberDto>(members, page.NextCursor);
    }

    private sealed record Position(Guid AfterMembershipId);
}
