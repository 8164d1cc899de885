using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Commands.ChangeMemberRole;

/// <summary>
/// Makes a member an owner or an owner a member. Owners only; the group always keeps an owner.
/// </summary>
public sealed record ChangeMemberRole(GroupId GroupId, UserId UserId, GroupRole Role)
    : ICommand<MemberDto>,
        IRequiresAccess
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class ChangeMemberRoleValidator : AbstractValidator<ChangeMemberRole>
{
    public ChangeMemberRoleValidator()
    {
        RuleFor(c => c.UserId).MustBeAUserId();
        RuleFor(c => c.Role).IsInEnum();
    }
}

public sealed class ChangeMemberRoleHandler(
    IApplicationDbContext db,
    IUserDirectory users,
    AuditTrail audit
) : ICommandHandler<ChangeMemberRole, MemberDto>
{
    public async ValueTask<MemberDto> Handle(
        ChangeMemberRole command,
        CancellationToken cancellationToken
    )
    {
        var group = await db.LockAndLoadWithMembershipsAsync(command.GroupId, cancellationToken);
        var membership = group.RequireActiveMembership(command.UserId);
        var before = membership.Role;

        group.ChangeRole(command.UserId, command.Role);
        if (membership.Role != before)
        {
            audit.RecordMembership(
                membership.Role == GroupRole.Owner
                    ? GroupAudit.MemberPromoted
                    : GroupAudit.MemberDemoted,
                membership
            );
        }

        return (await MemberDto.FromAsync([membership], users, cancellationToken))[0];
    }
}
