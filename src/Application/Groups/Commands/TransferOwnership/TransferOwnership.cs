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
        var group = await db.LockAndLoadWithMembershipsAsync(command.GroupId, cancellationToken);
        var next = group.RequireActiveMembership(command.NewOwner);

        group.TransferOwnership(me, command.NewOwner);
        audit.RecordMembership(GroupAudit.OwnershipTransferred, next);
        return GroupDto.From(group, group.ActiveMembershipOf(me)?.Role);
    }
}
