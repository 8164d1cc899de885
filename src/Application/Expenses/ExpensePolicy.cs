using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Ledger.Domain.Groups;

namespace Ledger.Application.Expenses;

/// <summary>Who is changing money in a group, and whether they may act for any member.</summary>
internal sealed record ExpenseCaller(Actor Actor, bool ActsForAnyMember);

/// <summary>
/// PRODUCT.md section 3 for expenses, in one place. That the caller may read the group at all
/// (else 404) is checked before, by the authorization behaviour; these rules answer 403.
/// </summary>
internal static class ExpensePolicy
{
    /// <remarks>
    /// Partners join here: a principal with a <see cref="ICurrentPrincipal.ClientId"/> and a
    /// <c>ledger.write</c> grant on the group becomes <c>Actor.Client(clientId)</c> acting for
    /// any member (their grants arrive with issue 4; until then the group check refuses them).
    /// </remarks>
    public static ExpenseCaller Caller(ICurrentPrincipal principal, GroupMembers members)
    {
        var user = principal.RequireUserId();
        var role = members.RoleOf(user) ?? throw new NotFoundException("group");
        return new ExpenseCaller(Actor.User(user), role == GroupRole.Owner);
    }

    /// <summary>Members add (or turn an expense into) expenses they paid some of; owners anyone's.</summary>
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

    /// <summary>Only the expense's creator or an owner changes or voids it.</summary>
    public static void EnsureMayChange(ExpenseCaller caller, Expense expense)
    {
        if (caller.ActsForAnyMember || expense.CreatedBy == caller.Actor)
        {
            return;
        }

        throw new ForbiddenException(
            "Only the expense's creator or an owner of the group can change or void it."
        );
    }
}
