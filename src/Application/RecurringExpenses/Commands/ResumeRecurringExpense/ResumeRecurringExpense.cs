using FluentValidation;
using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Domain.Common;
using Mediator;

namespace Ledger.Application.RecurringExpenses.Commands.ResumeRecurringExpense;

/// <summary>
/// Resumes a paused recurring expense from the group's today: occurrences that fell due while it was paused are skipped, not caught up. Its creator or an owner, from the current version.
/// </summary>
public sealed record ResumeRecurringExpense(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    int ExpectedVersion
) : ICommand<RecurringExpenseDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class ResumeRecurringExpenseValidator : AbstractValidator<ResumeRecurringExpense>
{
    public ResumeRecurringExpenseValidator() => RuleFor(c => c.ExpectedVersion).MustBeAVersion();
}

public sealed class ResumeRecurringExpenseHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<ResumeRecurringExpense, RecurringExpenseDto>
{
    public async ValueTask<RecurringExpenseDto> Handle(
        ResumeRecurringExpense command,
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

        var now = clock.GetUtcNow();
        recurring.Resume(await db.CalendarOfAsync(command.GroupId, cancellationToken), now);
        audit.Record(
            RecurringExpenseAudit.Resumed,
            RecurringExpenseAudit.Record,
            recurring.Id,
            recurring.GroupId
        );
        return RecurringExpenseDto.From(recurring);
    }
}
