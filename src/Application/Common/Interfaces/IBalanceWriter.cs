using Ledger.Domain.Balances;

namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// Maintains <c>member_balances</c> inside the current transaction, together with the money
/// change that causes it: a handler applies <c>BalanceEffect.Change(before, after)</c> and never
/// writes balance rows itself.
/// </summary>
public interface IBalanceWriter
{
    /// <summary>
    /// Records the effect for this transaction. The stored balances change at
    /// <see cref="FlushAsync"/>, atomically (<c>net = net + delta</c> in the database), so
    /// concurrent changes in one group never lose each other's update.
    /// Must be called inside the command's transaction.
    /// </summary>
    Task ApplyAsync(GroupId groupId, BalanceEffect effect, CancellationToken cancellationToken);

    /// <summary>
    /// Writes every effect recorded since the transaction began, summed per group, member and
    /// currency, in one statement: the transaction behaviour calls it last before COMMIT, so the
    /// group's balance rows stay locked for as short a time as possible.
    /// </summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Forgets recorded effects (a transaction attempt that will be retried).</summary>
    void Discard();
}
