using Ledger.Application.Expenses;
using Ledger.Application.MoneyRules;

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

    /// <summary>
    /// Only a payment the caller's confirmation would vouch for needs none: a partner's payment
    /// waits for the payee (the member it takes a claim from) to confirm it.
    /// </summary>
    public static bool IsPending(ExpenseCaller caller) => caller.IsPartner;
}
