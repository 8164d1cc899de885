using Ledger.Domain.Balances;
using Ledger.Domain.Common;

namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// Maintains <c>member_balances</c> inside the current transaction, together with the money
/// change that causes it: a handler applies <c>BalanceEffect.Change(before, after)</c> and never
/// writes balance rows itself.
/// </summary>
public interface IBalanceWriter
{
    /// <summary>
    /// Adds the effect to the stored balances atomically (<c>net = net + delta</c> in the
    /// database), so concurrent changes in one group never lose each other's update.
    /// Must be called inside the command's transaction.
    /// </summary>
    Task ApplyAsync(GroupId groupId, BalanceEffect effect, CancellationToken cancellationToken);
}
