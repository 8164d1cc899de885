using FluentValidation;
using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Domain.Common;
using Mediator;

namespace Ledger.Application.RecurringExpenses.Commands.PauseRecurringExpense;

/// <summary>
/// Pauses a recurring expense: nothing is generated until it is resumed. Its creator or an owner, from the current version.
/// </summary>
public sealed record PauseRecurringExpense(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    int ExpectedVersion
) : ICommand<RecurringExpenseDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class PauseRecurringExpenseValidator : AbstractValidator<PauseRecurringExpense>
{
    public PauseRecurringExpenseValidator() => RuleFor(c => c.ExpectedVersion).MustBeAVersion();
}

public sealed class PauseRecurringExpenseHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<PauseRecurringExpense, RecurringExpenseDto>
{
    public async ValueTask<RecurringExpenseDto> Handle(
        PauseRecurringExpense command,
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
        recurring.Pause(now);
        audit.Record(
            RecurringExpenseAudit.Paused,
            RecurringExpenseAudit.Record,
            recurring.Id,
            recurring.GroupId
        );
        return RecurringExpenseDto.From(recurring);
    }
}
