using Ledger.Application.Common.Exceptions;
using Ledger.Application.Expenses;
using Ledger.Domain.Common;

namespace Ledger.Application.Settlements;

/// <summary>
/// PRODUCT.md section 3 for settling up: the payer, the payee or an owner records a settlement
/// or pays a split (partners with <c>ledger.write</c> too); only the payee confirms or declines;
/// only owners void (checked by the messages' required access).
/// </summary>
internal static class SettlementPolicy
{
    public static void EnsureMayRecord(ExpenseCaller caller, UserId from, UserId to)
    {
        if (caller.ActsForAnyMember || caller.Actor.UserId == from || caller.Actor.UserId == to)
        {
            return;
        }

        throw new ForbiddenException(
            "Only the payer, the payee or an owner of the group can record this payment."
        );
    }

    public static void EnsureIsPayee(UserId caller, UserId payee)
    {
        if (caller != payee)
        {
            throw new ForbiddenException("Only the payee can confirm or decline a settlement.");
        }
    }
}
