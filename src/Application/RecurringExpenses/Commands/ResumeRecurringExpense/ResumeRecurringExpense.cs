using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Transitions;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;

namespace Ledger.Application.RecurringExpenses.Commands.ResumeRecurringExpense;

/// <summary>
/// Resumes a paused recurring expense from the group's today: occurrences that fell due while it was paused are skipped, not caught up. Its creator or an owner, from the current version.
/// </summary>
public sealed record ResumeRecurringExpense(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    int ExpectedVersion
) : ICommand<RecurringExpenseDto>, IRequiresAccess, IRecurringExpenseChange
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class ResumeRecurringExpenseValidator
    : VersionedCommandValidator<ResumeRecurringExpense>;

public sealed class ResumeRecurringExpenseHandler(
    IApplicationDbContext db,
    RecurringExpenseTransitions transitions
) : ICommandHandler<ResumeRecurringExpense, RecurringExpenseDto>
{
    public async ValueTask<RecurringExpenseDto> Handle(
        ResumeRecurringExpense command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            async (recurring, now) =>
                recurring.Resume(await db.CalendarOfAsync(command.GroupId, cancellationToken), now),
            RecurringExpenseAudit.Resumed,
            cancellationToken
        );
}
