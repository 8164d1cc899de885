using Ledger.Application.Groups;
using Ledger.Application.Groups.Specifications;

namespace Ledger.Application.Users.Commands.DeleteMe;

/// <summary>
/// Deletes the caller's account by anonymizing it: the shared history of their groups keeps
/// its rows and ids, the person behind them is gone. Refused (409) while any balance of theirs
/// is not zero, or while they are the last owner of a group with other members. Every token
/// of the user stops working. The current password is required (re-authentication, counted
/// towards lockout), and the chores of every group left are handed over as when leaving.
/// </summary>
public sealed record DeleteMe(string CurrentPassword)
    : ICommand<Unit>,
        IRequiresAccess,
        IRequiresCurrentPassword
{
    public Access Access => Access.SignedInUser;
}

public sealed class DeleteMeValidator : AbstractValidator<DeleteMe>
{
    public DeleteMeValidator() =>
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(UserRules.PasswordMaximumLength);
}

public sealed class DeleteMeHandler(
    IApplicationDbContext db,
    IIdentityService identity,
    IBalanceReader balances,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<DeleteMe, Unit>
{
    public async ValueTask<Unit> Handle(DeleteMe command, CancellationToken cancellationToken)
    {
        var me = principal.RequireUserId();
        var unsettled = await balances.GroupsWithOpenBalanceOfUserAsync(me, cancellationToken);
        if (unsettled.Count > 0)
        {
            throw new BusinessRuleViolationException(
                "account.open-balance",
                "The account cannot be deleted while one of its balances is not zero: settle up first."
            );
        }

        // In id order, like every multi-group lock, so two deletions cannot deadlock.
        var groupIds = await db
            .Memberships.Where(m => m.UserId == me && m.LeftAt == null)
            .Select(m => m.GroupId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var groupId in groupIds)
        {
            await EndMembershipAsync(groupId, me, now, cancellationToken);
        }

        await identity.AnonymizeAsync(me, cancellationToken);
        audit.Record(UserAudit.Deleted, UserAudit.UserRecord, me, null);
        return Unit.Value;
    }

    private async Task EndMembershipAsync(
        GroupId groupId,
        UserId me,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var group = await db.LockAndLoadAsync(
            groupId,
            new GroupWithMembershipsSpec(groupId),
            cancellationToken
        );
        var membership = group.ActiveMembershipOf(me);
        if (membership is null)
        {
            return;
        }

        var open = await balances.OpenCurrenciesOfMemberAsync(groupId, me, cancellationToken);
        var wasActive = group.Status == Domain.Groups.GroupStatus.Active;
        group.EndMembershipOfDeletedAccount(me, open, now);
        audit.Record(
            GroupAudit.MemberLeft,
            GroupAudit.MembershipRecord,
            membership.Id,
            group.Id,
            "account-deleted"
        );
        if (wasActive && group.Status == Domain.Groups.GroupStatus.Archived)
        {
            audit.Record(GroupAudit.Archived, GroupAudit.GroupRecord, group.Id, group.Id);
        }
    }
}
