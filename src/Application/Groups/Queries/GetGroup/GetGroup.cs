namespace Ledger.Application.Groups.Queries.GetGroup;

/// <summary>One group, for its members.</summary>
public sealed record GetGroup(GroupId GroupId) : IQuery<GroupDto>, IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);
}

public sealed class GetGroupHandler(IApplicationDbContext db, Caller caller)
    : IQueryHandler<GetGroup, GroupDto>
{
    public async ValueTask<GroupDto> Handle(GetGroup query, CancellationToken cancellationToken)
    {
        var group =
            await db
                .Groups.AsNoTracking()
                .Include(g => g.Memberships)
                .FirstOrDefaultAsync(g => g.Id == query.GroupId, cancellationToken)
            ?? throw new NotFoundException("group");
        // The caller's role as the authorization behaviour resolved it (null for partners).
        return GroupDto.From(group, caller.Role);
    }
}
