using Ledger.Application.Common.Auditing;
using Ledger.Application.Groups.Specifications;

namespace Ledger.Application.Groups.Commands.TransferOwnership;

/// <summary>
/// The calling owner hands ownership to another member: they become an owner, the caller a
/// member, in one step. The way for a last owner to be free to leave.
/// </summary>
public sealed record TransferOwnership(GroupId GroupId, UserId NewOwner)
    : ICommand<GroupDto>,
        IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class TransferOwnershipValidator : AbstractValidator<TransferOwnership>
{
    public TransferOwnershipValidator() => RuleFor(c => c.NewOwner).MustBeAUserId();
}

public sealed class TransferOwnershipHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit
) : ICommandHandler<TransferOwnership, GroupDto>
{
    public async ValueTask<GroupDto> Handle(
        TransferOwnership command,
        CancellationToken cancellationToken
    )
    {
        var me = principal.RequireUserId();
        var group = await db.LockAndLoadAsync(
            command.GroupId,
            new GroupWithMembershipsSpec(command.GroupId),
            cancellationToken
        );
        var next =
            group.ActiveMembershipOf(command.NewOwner) ?? throw new NotFoundException("member");

        group.TransferOwnership(me, command.NewOwner);
        audit.Record(
            GroupAudit.OwnershipTransferred,
            GroupAudit.MembershipRecord,
            next.Id,
            group.Id
        );
        return GroupDto.From(group, group.ActiveMembershipOf(me)?.Role);
    }
}
