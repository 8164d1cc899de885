using Ledger.Application.Groups.Commands.RestoreArchivedGroup;
using Ledger.Application.Groups.Commands.RestoreDeletedGroup;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups;

/// <summary>
/// Brings an archived or a deleted group back, with the caller as its owner: lock and load the
/// group with its memberships, let the group restore itself (it checks which state it is in),
/// audit. The two differ in who may ask (their access) and in the group's verb.
/// </summary>
public sealed class GroupRestoringHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<RestoreArchivedGroup, GroupDto>, ICommandHandler<RestoreDeletedGroup, GroupDto>
{
    public ValueTask<GroupDto> Handle(
        RestoreArchivedGroup command,
        CancellationToken cancellationToken
    ) => RestoreAsync(command.GroupId, GroupStatus.Archived, cancellationToken);

    public ValueTask<GroupDto> Handle(
        RestoreDeletedGroup command,
        CancellationToken cancellationToken
    ) => RestoreAsync(command.GroupId, GroupStatus.Deleted, cancellationToken);

    private async ValueTask<GroupDto> RestoreAsync(
        GroupId groupId,
        GroupStatus from,
        CancellationToken cancellationToken
    )
    {
        var group = await db.LockAndLoadWithMembershipsAsync(groupId, cancellationToken);
        var me = principal.RequireUserId();
        if (from == GroupStatus.Archived)
        {
            group.RestoreArchived(me, clock.GetUtcNow());
            audit.RecordGroup(GroupAudit.ArchiveRestored, group);
        }
        else
        {
            group.RestoreDeleted(me, clock.GetUtcNow());
            audit.RecordGroup(GroupAudit.DeletionRestored, group);
        }

        return GroupDto.From(group, GroupRole.Owner);
    }
}
