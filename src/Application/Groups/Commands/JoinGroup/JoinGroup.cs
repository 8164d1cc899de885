using Ledger.Application.Groups.Specifications;
using Ledger.Domain.Groups;

namespace Ledger.Application.Groups.Commands.JoinGroup;

/// <summary>
/// Joins the group an invite code belongs to, as a member. Any signed-in user: the joiner is
/// not a member yet, so the message names the code, not the group. An unknown, expired or
/// used-up code, or one of a group that is no longer active, all answer the same 404, so codes
/// cannot be used to learn which groups exist.
/// </summary>
public sealed record JoinGroup(string Code) : ICommand<GroupDto>, IRequiresAccess
{
    public Access Access => Access.SignedInUser;
}

public sealed class JoinGroupValidator : AbstractValidator<JoinGroup>
{
    public JoinGroupValidator() => RuleFor(c => c.Code).NotEmpty().MaximumLength(64);
}

public sealed class JoinGroupHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<JoinGroup, GroupDto>
{
    public async ValueTask<GroupDto> Handle(JoinGroup command, CancellationToken cancellationToken)
    {
        var me = principal.RequireUserId();
        var codeHash = SecretTokens.Hash(command.Code);
        var groupId =
            await db
                .Invites.AsNoTracking()
                .Where(i => i.CodeHash == codeHash)
                .Select(i => (GroupId?)i.GroupId)
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("invite");

        // Under the group's lock, racing joiners take the invite's uses one after another: with
        // one use left, exactly one of them gets in.
        var group = await db.LockAndLoadAsync(
            groupId,
            new GroupWithInviteSpec(groupId, codeHash),
            cancellationToken
        );
        var now = clock.GetUtcNow();
        if (
            group.Status != GroupStatus.Active
            || group.Invites.SingleOrDefault() is not { } invite
            || !invite.IsUsableAt(now)
            // A removed member needs an invite made after the removal (issue 20 item 9).
            || group.WasRemovedAfter(me, invite.CreatedAt)
        )
        {
            throw new NotFoundException("invite");
        }

        var membership = group.Join(codeHash, me, now);
        audit.RecordMembership(GroupAudit.MemberJoined, membership);
        return GroupDto.From(group, membership.Role);
    }
}
