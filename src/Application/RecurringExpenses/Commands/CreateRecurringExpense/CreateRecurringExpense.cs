using Ledger.Application.Expenses;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Expenses;
using Ledger.Domain.Recurrence;

namespace Ledger.Application.RecurringExpenses.Commands.CreateRecurringExpense;

/// <summary>
/// Creates a recurring expense: a full expense (payers, split, currency) and the rule of its
/// occurrences in the group's calendar. Who may create it is who may record the expense:
/// members for expenses they pay some of, owners for anyone's. The worker records each
/// occurrence as a normal expense once its day has come, catching up past ones from the start.
/// </summary>
public sealed record CreateRecurringExpense(
    GroupId GroupId,
    string Description,
    ExpenseCategory Category,
    string Currency,
    string Total,
    IReadOnlyList<MemberAmountInput> Payers,
    SplitInput Split,
    RecurrenceInput Recurrence,
    string? Note = null
) : ICommand<RecurringExpenseDto>, IRequiresAccess, IRecurringExpenseFields
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class CreateRecurringExpenseValidator : AbstractValidator<CreateRecurringExpense>
{
    public CreateRecurringExpenseValidator()
    {
        Include(new RecurringExpenseFieldsValidator());
    }
}

public sealed class CreateRecurringExpenseHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<CreateRecurringExpense, RecurringExpenseDto>
{
    public async ValueTask<RecurringExpenseDto> Handle(
        CreateRecurringExpense command,
        CancellationToken cancellationToken
    )
    {
        var (members, caller) = await ExpensePolicy.LockMembersAndCallerAsync(
            db,
            principal,
            command.GroupId,
            cancellationToken
        );
        var details = command.ToDetails();
        ExpensePolicy.EnsureMayRecordPayers(caller, details);

        var recurring = RecurringExpense.Create(
            command.GroupId,
            details,
            command.Recurrence.ToRule(),
            caller.Actor,
            members.Ids,
            await db.CalendarOfAsync(command.GroupId, cancellationToken),
            clock.GetUtcNow()
        );
        db.RecurringExpenses.Add(recurring);
        audit.Record(
            RecurringExpenseAudit.Created,
            RecurringExpenseAudit.Record,
            recurring.Id,
            recurring.GroupId
        );
        return RecurringExpenseDto.From(recurring);
    }
}
