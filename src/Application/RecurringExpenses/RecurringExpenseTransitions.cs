using Ledger.Application.MoneyRules;
using Ledger.Domain.Recurrence;

namespace Ledger.Application.RecurringExpenses;

/// <summary>A change of a recurring expense's state, from the version the client last saw.</summary>
public interface IRecurringExpenseChange : IVersionedCommand
{
    GroupId GroupId { get; }
    RecurringExpenseId RecurringExpenseId { get; }
}

/// <summary>
/// The one shape of pausing, resuming, ending and replacing a recurring expense: hold the group against
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
    public Task<RecurringExpenseDto> ApplyAsync(
        IRecurringExpenseChange command,
        Func<RecurringExpense, DateTimeOffset, Task> apply,
        string auditAction,
        CancellationToken cancellationToken
    ) =>
        ApplyAsync(
            command,
            (recurring, _, _, now) => apply(recurring, now),
            auditAction,
            cancellationToken
        );

    /// <summary>As above, for a change that needs the caller and the members (replacing the template).</summary>
    internal async Task<RecurringExpenseDto> ApplyAsync(
        IRecurringExpenseChange command,
        Func<RecurringExpense, ExpenseCaller, GroupMembers, DateTimeOffset, Task> apply,
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
        var caller = ExpensePolicy.Caller(principal, members);
        RecurringExpenseLoading.EnsureMayChange(caller, recurring);
        command.EnsureCurrent(recurring, RecurringExpenseAudit.Record);

        await apply(recurring, caller, members, clock.GetUtcNow());
        audit.Record(auditAction, RecurringExpenseAudit.Record, recurring.Id, recurring.GroupId);
        return RecurringExpenseDto.From(recurring);
    }
}
