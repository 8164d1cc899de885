using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Common;
using Ledger.Domain.Recurrence;

namespace Ledger.Application.RecurringExpenses;

/// <summary>A change of a recurring expense's state, from the version the client last saw.</summary>
public interface IRecurringExpenseChange : IVersionedCommand
{
    GroupId GroupId { get; }
    RecurringExpenseId RecurringExpenseId { get; }
}

/// <summary>
/// The one shape of pausing, resuming and ending a recurring expense: hold the group against
/// membership changes, lock and load the template, check that the caller is its creator or an
/// owner and that the version is current, apply, audit.
/// </summary>
public sealed class RecurringExpenseTransitions(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
)
{
    public async Task<RecurringExpenseDto> ApplyAsync(
        IRecurringExpenseChange command,
        Func<RecurringExpense, DateTimeOffset, Task> apply,
        string auditAction,
        CancellationToken cancellationToken
    )
    {
        var members = await GroupMembers.LockAndReadAsync(db, command.GroupId, cancellationToken);
        var recurring = await db.LockAndLoadRecurringExpenseAsync(
            command.GroupId,
            command.RecurringExpenseId,
            cancellationToken
        );
        RecurringExpenseLoading.EnsureMayChange(
            ExpensePolicy.Caller(principal, members),
            recurring
        );
        command.EnsureCurrent(recurring, RecurringExpenseAudit.Record);

        await apply(recurring, clock.GetUtcNow());
        audit.Record(auditAction, RecurringExpenseAudit.Record, recurring.Id, recurring.GroupId);
        return RecurringExpenseDto.From(recurring);
    }
}
