using FluentValidation;
using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Common;
using Ledger.Domain.Expenses;
using Mediator;

namespace Ledger.Application.RecurringExpenses.Commands.UpdateRecurringExpense;

/// <summary>
/// Replaces a recurring expense's template and rule, if the caller saw its current version.
/// Its creator (who must stay among the payers) or an owner. Occurrences already recorded are
/// normal expenses and stay as they are; the new rule applies after the last one.
/// </summary>
public sealed record UpdateRecurringExpense(
    GroupId GroupId,
    RecurringExpenseId RecurringExpenseId,
    string Description,
    ExpenseCategory Category,
    string Currency,
    string Total,
    IReadOnlyList<MemberAmountInput> Payers,
    SplitInput Split,
    RecurrenceInput Recurrence,
    int ExpectedVersion,
    string? Note = null
) : ICommand<RecurringExpenseDto>, IRequiresAccess, IVersionedCommand, IExpenseFields
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);

    DateOnly IExpenseFields.Date => Recurrence?.Start ?? default;

    Guid? IExpenseFields.ListId => null;
}

public sealed class UpdateRecurringExpenseValidator : AbstractValidator<UpdateRecurringExpense>
{
    public UpdateRecurringExpenseValidator()
    {
        Include(new ExpenseFieldsValidator());
        RuleFor(c => c.Split.Type)
            .NotEqual(SplitType.ItemBased)
            .When(c => c.Split is not null)
            .WithMessage("A recurring expense is split equal, exact, percentage or shares.");
        RuleFor(c => c.Recurrence).NotNull().SetValidator(new RecurrenceInputValidator());
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class UpdateRecurringExpenseHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<UpdateRecurringExpense, RecurringExpenseDto>
{
    public async ValueTask<RecurringExpenseDto> Handle(
        UpdateRecurringExpense command,
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
        var details = command.ToDetails();
        ExpensePolicy.EnsureMayRecordPayers(caller, details);

        recurring.Update(
            details,
            command.Recurrence.ToRule(),
            members.Ids,
            await db.CalendarOfAsync(command.GroupId, cancellationToken),
            clock.GetUtcNow()
        );
        audit.Record(
            RecurringExpenseAudit.Updated,
            RecurringExpenseAudit.Record,
            recurring.Id,
            recurring.GroupId
        );
        return RecurringExpenseDto.From(recurring);
    }
}
