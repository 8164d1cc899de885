using FluentValidation;
using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Domain.Common;
using Mediator;

namespace Ledger.Application.RecurringExpenses.Commands.EndRecurringExpense;

/// <summary>
/// Ends a recurring expense for good: it generates nothing more; what it generated stays. Its creator or an owner, from the current version.
/// </summary>
public sealed record EndRecurringExpense(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    int ExpectedVersion
) : ICommand<RecurringExpenseDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class EndRecurringExpenseValidator : AbstractValidator<EndRecurringExpense>
{
    public EndRecurringExpenseValidator() => RuleFor(c => c.ExpectedVersion).MustBeAVersion();
}

public sealed class EndRecurringExpenseHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<EndRecurringExpense, RecurringExpenseDto>
{
    public async ValueTask<RecurringExpenseDto> Handle(
        EndRecurringExpense command,
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
        recurring.End(now);
        audit.Record(
            RecurringExpenseAudit.Ended,
            RecurringExpenseAudit.Record,
            recurring.Id,
            recurring.GroupId
        );
        return RecurringExpenseDto.From(recurring);
    }
}
