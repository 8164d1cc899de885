using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Commands.LeaveGroup;

/// <summary>
/// Ends the caller's membership. Any member, once settled up in every currency; the last owner
/// must hand over ownership first while others remain. The last member leaving archives the
/// group. Leaving never deletes anything (docs/requirements.md A2). No validator: the group id is the only
/// input, and authorization has already resolved it.
/// </summary>
public sealed record LeaveGroup(GroupId GroupId) : ICommand<LeftGroupDto>, IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

/// <summary>The group's status after the caller left: Archived if they were the last member.</summary>
public sealed record LeftGroupDto(Guid GroupId, GroupStatus GroupStatus);

public sealed class LeaveGroupHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    IBalanceReader balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<LeaveGroup, LeftGroupDto>
{
    public async ValueTask<LeftGroupDto> Handle(
        LeaveGroup command,
        CancellationToken cancellationToken
    )
    {
        var me = principal.RequireUserId();
        // The lock makes two last members leaving at once see each other: the second archives.
        var group = await db.LockAndLoadWithMembershipsAsync(command.GroupId, cancellationToken);
        var membership = group.RequireActiveMembership(me, "group");
        var openCurrencies = await balances.OpenCurrenciesOfMemberAsync(
            group.Id,
            me,
            cancellationToken
        );

        group.Leave(me, openCurrencies, clock.GetUtcNow());
        audit.RecordMembership(GroupAudit.MemberLeft, membership);
        if (group.Status == GroupStatus.Archived)
        {
            audit.RecordGroup(GroupAudit.Archived, group);
        }

        return new LeftGroupDto(group.Id.Value, group.Status);
    }
}
