using Ledger.Application.Common.Auditing;
using Ledger.Application.Groups.Specifications;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Commands.RestoreArchivedGroup;

/// <summary>
/// Brings an archived group back to active, with the caller as its owner. A former owner only
/// (ListMyGroups with IncludeArchived shows them these groups). No validator: the group id is
/// the only input, and authorization has already resolved it.
/// </summary>
public sealed record RestoreArchivedGroup(GroupId GroupId) : ICommand<GroupDto>, IRequiresAccess
{
    public Access Access => Access.GroupFormerOwner(GroupId);
}

public sealed class RestoreArchivedGroupHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<RestoreArchivedGroup, GroupDto>
{
    public async ValueTask<GroupDto> Handle(
        RestoreArchivedGroup command,
        CancellationToken cancellationToken
    )
    {
        var group = await db.LockAndLoadAsync(
            command.GroupId,
            new GroupWithMembershipsSpec(command.GroupId),
            cancellationToken
        );

        group.RestoreArchived(principal.RequireUserId(), clock.GetUtcNow());
        audit.Record(GroupAudit.ArchiveRestored, GroupAudit.GroupRecord, group.Id, group.Id);
        return GroupDto.From(group, GroupRole.Owner);
    }
}
