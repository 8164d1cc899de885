using Ledger.Application.MoneyRules;
using Ledger.Domain.Balances;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Expenses;

/// <summary>
/// Records a new expense however the client described it (fields, or a list's bought items):
/// the list link, the caller's rights, the domain's invariants, the balances in the same
/// transaction and the audit event, always in that order.
/// </summary>
public sealed class ExpenseRecorder(
    IApplicationDbContext db,
    HouseholdAccess household,
    ICurrentPrincipal principal,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
)
{
    internal async Task<ExpenseDto> RecordAsync(
        GroupId groupId,
        GroupMembers members,
        ExpenseDetails details,
        CancellationToken cancellationToken,
        string? importId = null
    )
    {
        var caller = ExpensePolicy.Caller(principal, members);
        await ExpenseListLinks.EnsureLinkableAsync(
            db,
            household,
            caller,
            groupId,
            details,
            null,
            null,
            cancellationToken
        );
        ExpensePolicy.EnsureMayRecordPayers(caller, details);

        var expense = Expense.Create(
            groupId,
            details,
            caller.Actor,
            members.Ids,
            clock.GetUtcNow(),
            importId
        );
        db.Expenses.Add(expense);
        await balances.ApplyAsync(groupId, BalanceEffect.Of(expense), cancellationToken);
        audit.Record(ExpenseAudit.Created, ExpenseAudit.ExpenseRecord, expense.Id, expense.GroupId);
        return ExpenseDto.From(expense);
    }
}
