using Ledger.Application.Common.Auditing;
using Ledger.Application.Groups.Specifications;
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
        var group = await db.LockAndLoadAsync(
            command.GroupId,
            new GroupWithMembershipsSpec(command.GroupId),
            cancellationToken
        );
        var membership =
            group.ActiveMembershipOf(command.UserId) ?? throw new NotFoundException("member");
        var before = membership.Role;

        group.ChangeRole(command.UserId, command.Role);
        if (membership.Role != before)
        {
            audit.Record(
                membership.Role == GroupRole.Owner
                    ? GroupAudit.MemberPromoted
                    : GroupAudit.MemberDemoted,
                GroupAudit.MembershipRecord,
                membership.Id,
                group.Id
            );
        }

        return (await MemberDto.FromAsync([membership], users, cancellationToken))[0];
    }
}
