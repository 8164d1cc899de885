using Ledger.Application.Common.Auditing;
using Ledger.Application.Groups.Specifications;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Commands.RestoreDeletedGroup;

/// <summary>
/// Undoes a deletion within 30 days of it. An owner of the deleted group only (memberships are
/// left as they were by the deletion). No validator: the group id is the only input, and
/// authorization has already resolved it.
/// </summary>
public sealed record RestoreDeletedGroup(GroupId GroupId) : ICommand<GroupDto>, IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId, includingDeleted: true);
}

public sealed class RestoreDeletedGroupHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<RestoreDeletedGroup, GroupDto>
{
    public async ValueTask<GroupDto> Handle(
        RestoreDeletedGroup command,
        CancellationToken cancellationToken
    )
    {
        var group = await db.LockAndLoadAsync(
            command.GroupId,
            new GroupWithMembershipsSpec(command.GroupId),
            cancellationToken
        );

        group.RestoreDeleted(principal.RequireUserId(), clock.GetUtcNow());
        audit.Record(GroupAudit.DeletionRestored, GroupAudit.GroupRecord, group.Id, group.Id);
        return GroupDto.From(group, GroupRole.Owner);
    }
}
