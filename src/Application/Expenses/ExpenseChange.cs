using Ledger.Application.MoneyRules;
using Ledger.Domain.Balances;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Expenses;

/// <summary>How a change reads the expense it is about.</summary>
internal enum ExpenseRead
{
    /// <summary>Untracked: the change writes other rows (receipts).</summary>
    ReadOnly,

    /// <summary>Tracked, not locked: the over-settlement behaviour holds the split (PaySplit).</summary>
    Tracked,

    /// <summary>Row locked, then tracked: changes of one expense run one after another.</summary>
    Locked,
}

/// <summary>
/// What every change of one recorded expense starts from, in this order: the group held against
/// membership changes with its members, the expense (404 for another group's), and the caller
/// as the money rules see them (<see cref="ExpensePolicy.Caller"/>).
/// </summary>
internal sealed record ExpenseChange(GroupMembers Members, Expense Expense, ExpenseCaller Caller)
{
    public static async Task<ExpenseChange> OpenAsync(
        IApplicationDbContext db,
        ICurrentPrincipal principal,
        GroupId groupId,
        ExpenseId expenseId,
        ExpenseRead read,
        CancellationToken cancellationToken
    )
    {
        var members = await GroupMembers.LockAndReadAsync(db, groupId, cancellationToken);
        var expense =
            read == ExpenseRead.Locked
                ? await db.LockAndLoadExpenseAsync(groupId, expenseId, cancellationToken)
                : await db.LoadExpenseAsync(
                    groupId,
                    expenseId,
                    tracked: read == ExpenseRead.Tracked,
                    cancellationToken
                );
        return new ExpenseChange(members, expense, ExpensePolicy.Caller(principal, members));
    }

    /// <summary>As <see cref="OpenAsync"/>, for a change only the expense's creator or an owner may make.</summary>
    public static async Task<ExpenseChange> OpenForChangerAsync(
        IApplicationDbContext db,
        ICurrentPrincipal principal,
        GroupId groupId,
        ExpenseId expenseId,
        ExpenseRead read,
        CancellationToken cancellationToken
    )
    {
        var change = await OpenAsync(db, principal, groupId, expenseId, read, cancellationToken);
        ExpensePolicy.EnsureMayChange(change.Caller, change.Expense);
        return change;
    }
}

/// <summary>A change of one expense's content, from the version the client last saw.</summary>
public interface IExpenseChange : IVersionedCommand
{
    GroupId GroupId { get; }
    ExpenseId ExpenseId { get; }
}

/// <summary>
/// The one shape of editing and voiding an expense (ADR 0063 family): open the change with the
/// expense locked, check that the caller is its creator or an owner and that the version is
/// current, apply, move the balances by the difference it made, audit, answer with the expense.
/// </summary>
public sealed class ExpenseTransitions(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
)
{
    internal async Task<ExpenseDto> ApplyAsync(
        IExpenseChange command,
        Func<ExpenseChange, DateTimeOffset, Task> apply,
        string auditAction,
        CancellationToken cancellationToken
    )
    {
        var change = await ExpenseChange.OpenForChangerAsync(
            db,
            principal,
            command.GroupId,
            command.ExpenseId,
            ExpenseRead.Locked,
            cancellationToken
        );
        var expense = change.Expense;
        command.EnsureCurrent(expense, ExpenseAudit.ExpenseRecord);

        var before = BalanceEffect.Of(expense);
        await apply(change, clock.GetUtcNow());
        await change.Members.MoveBalancesAsync(
            balances,
            command.GroupId,
            BalanceEffect.Change(before, BalanceEffect.Of(expense)),
            cancellationToken
        );
        audit.Record(
            auditAction,
            ExpenseAudit.ExpenseRecord,
            expense.Id,
            expense.GroupId,
            expense.Voided?.Reason
        );
        return ExpenseDto.From(expense);
    }
}
