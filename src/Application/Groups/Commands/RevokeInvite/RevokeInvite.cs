using Ledger.Application.Groups.Queries.ListInvites;
using Ledger.Application.Groups.Specifications;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Commands.RevokeInvite;

/// <summary>
/// An owner revokes an invite: its code lets nobody in any more. Revoking twice is harmless;
/// the invite stays listed, with when it was revoked.
/// </summary>
public sealed record RevokeInvite(GroupId GroupId, InviteId InviteId)
    : ICommand<InviteDto>,
        IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class RevokeInviteHandler(
    IApplicationDbContext db,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<RevokeInvite, InviteDto>
{
    public async ValueTask<InviteDto> Handle(
        RevokeInvite command,
        CancellationToken cancellationToken
    )
    {
        // Under the group's lock: a join racing the revocation either got in before it or not at all.
        var group = await db.LockAndLoadAsync(
            command.GroupId,
            new GroupWithInviteByIdSpec(command.GroupId, command.InviteId),
            cancellationToken
        );
        var now = clock.GetUtcNow();
        var invite =
            group.RevokeInvite(command.InviteId, now)
            ?? throw new NotFoundException(GroupAudit.InviteRecord);
        audit.Record(GroupAudit.InviteRevoked, GroupAudit.InviteRecord, invite.Id, group.Id);
        return InviteDto.From(invite, now);
    }
}
