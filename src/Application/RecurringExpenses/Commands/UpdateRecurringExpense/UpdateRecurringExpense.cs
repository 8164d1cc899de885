using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Expenses;

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
) : ICommand<RecurringExpenseDto>, IRequiresAccess, IRecurringExpenseChange, IRecurringExpenseFields
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class UpdateRecurringExpenseValidator : AbstractValidator<UpdateRecurringExpense>
{
    public UpdateRecurringExpenseValidator()
    {
        Include(new RecurringExpenseFieldsValidator());
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class UpdateRecurringExpenseHandler(
    IApplicationDbContext db,
    RecurringExpenseTransitions transitions
) : ICommandHandler<UpdateRecurringExpense, RecurringExpenseDto>
{
    public async ValueTask<RecurringExpenseDto> Handle(
        UpdateRecurringExpense command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            async (recurring, caller, members, now) =>
            {
                var details = command.ToDetails();
                ExpensePolicy.EnsureMayRecordPayers(caller, details);
                recurring.Update(
                    details,
                    command.Recurrence.ToRule(),
                    members.Ids,
                    await db.CalendarOfAsync(command.GroupId, cancellationToken),
                    now
                );
            },
            RecurringExpenseAudit.Updated,
            cancellationToken
        );
}
