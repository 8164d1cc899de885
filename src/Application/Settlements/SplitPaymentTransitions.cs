using Ledger.Application.Expenses;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Balances;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Settlements;

/// <summary>A change to one recorded split payment, from the version the client last saw.</summary>
public interface ISplitPaymentChange : IVersionedCommand
{
    GroupId GroupId { get; }
    ExpenseId ExpenseId { get; }
    SplitPaymentId PaymentId { get; }
}

/// <summary>
/// The one shape of confirming, declining and voiding a split payment: hold the group against
/// membership changes, lock and load the expense (which orders the change after payments in
/// flight on its splits), load the payment, check who may do it and the version, let the expense
/// apply it, move the balances by the difference it made, and audit it.
/// </summary>
public sealed class SplitPaymentTransitions(
    IApplicationDbContext db,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
)
{
    public async Task<SplitPaymentDto> ApplyAsync(
        ISplitPaymentChange command,
        Action<SplitPayment> ensureAllowed,
        Action<Expense, SplitPayment, DateTimeOffset> apply,
        string auditAction,
        CancellationToken cancellationToken
    )
    {
        var members = await GroupMembers.LockAndReadAsync(db, command.GroupId, cancellationToken);
        var expense = await db.LockAndLoadExpenseAsync(
            command.GroupId,
            command.ExpenseId,
            cancellationToken
        );
        var payment = await db.LoadSplitPaymentAsync(
            command.GroupId,
            command.ExpenseId,
            command.PaymentId,
            cancellationToken
        );
        ensureAllowed(payment);
        command.EnsureCurrent(payment, SettlementAudit.SplitPaymentRecord);

        var before = BalanceEffect.Of(payment);
        apply(expense, payment, clock.GetUtcNow());
        await members.MoveBalancesAsync(
            balances,
            command.GroupId,
            BalanceEffect.Change(before, BalanceEffect.Of(payment)),
            cancellationToken
        );
        audit.Record(
            auditAction,
            SettlementAudit.SplitPaymentRecord,
            payment.Id,
            payment.GroupId,
            payment.Voided?.Reason
        );
        return SplitPaymentDto.From(payment, expense.Splits.Single(s => s.Id == payment.SplitId));
    }
}
