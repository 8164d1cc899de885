using Ledger.Application.Expenses;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;

namespace Ledger.Application.MoneyRules;

/// <summary>Who is changing money in a group, and whether they may act for any member.</summary>
internal sealed record ExpenseCaller(Actor Actor, bool ActsForAnyMember, bool IsPartner);

/// <summary>
/// PRODUCT.md section 3 for expenses, in one place. That the caller may act in the group at all
/// is checked before, by the authorization behaviour: a member, or a partner whose grant on the
/// group has <c>ledger.write</c> (else 404). These rules answer 403 to members and, like
/// everything a partner may not do, 404 to partners.
/// </summary>
internal static class ExpensePolicy
{
    public static ExpenseCaller Caller(ICurrentPrincipal principal, GroupMembers members)
    {
        if (principal.IsPartner && principal.ClientId is { } clientId)
        {
            return new ExpenseCaller(
                Actor.Client(clientId),
                ActsForAnyMember: true,
                IsPartner: true
            );
        }

        var user = principal.RequireUserId();
        var role = members.RoleOf(user) ?? throw new NotFoundException("group");
        return new ExpenseCaller(Actor.User(user), role == GroupRole.Owner, IsPartner: false);
    }

    /// <summary>
    /// How a money change that records something new starts: the group held against
    /// membership changes with its members (<see cref="GroupMembers.LockAndReadAsync"/>), then
    /// the caller as these rules see them (<see cref="Caller"/>).
    /// </summary>
    public static async Task<(
        GroupMembers Members,
        ExpenseCaller Caller
    )> LockMembersAndCallerAsync(
        IApplicationDbContext db,
        ICurrentPrincipal principal,
        GroupId groupId,
        CancellationToken cancellationToken
    )
    {
        var members = await GroupMembers.LockAndReadAsync(db, groupId, cancellationToken);
        return (members, Caller(principal, members));
    }

    /// <summary>Members record (or turn an expense into) expenses they paid some of; owners and partners anyone's.</summary>
    public static void EnsureMayRecordPayers(ExpenseCaller caller, ExpenseDetails details)
    {
        if (caller.ActsForAnyMember || details.Payers.Any(p => p.Member == caller.Actor.UserId))
        {
            return;
        }

        throw new ForbiddenException(
            "Members can record expenses they paid (some of); owners can record anyone's."
        );
    }

    /// <summary>Only the expense's creator (a member or a partner) or an owner changes or voids it.</summary>
    public static void EnsureMayChange(ExpenseCaller caller, Expense expense)
    {
        if (expense.CreatedBy == caller.Actor || (caller.ActsForAnyMember && !caller.IsPartner))
        {
            return;
        }

        throw caller.IsPartner
            ? new NotFoundException(ExpenseAudit.ExpenseRecord)
            : new ForbiddenException(
                "Only the expense's creator or an owner of the group can change or void it."
            );
    }
}
