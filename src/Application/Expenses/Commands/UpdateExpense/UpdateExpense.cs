using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Expenses.Commands.UpdateExpense;

/// <summary>
/// Replaces everything a client decides about an expense, if the caller saw its current
/// version. Its creator (a member, who must stay among the payers, or a partner) or an owner. The balances move
/// by the difference, in the same transaction.
/// </summary>
public sealed record UpdateExpense(
    GroupId GroupId,
    ExpenseId ExpenseId,
    string Description,
    ExpenseCategory Category,
    string Currency,
    string Total,
    DateOnly Date,
    IReadOnlyList<MemberAmountInput> Payers,
    SplitInput Split,
    int ExpectedVersion,
    Guid? ListId = null,
    string? Note = null
) : ICommand<ExpenseDto>, IRequiresAccess, IExpenseChange, IExpenseFields
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Write);
}

public sealed class UpdateExpenseValidator : AbstractValidator<UpdateExpense>
{
    public UpdateExpenseValidator()
    {
        Include(new ExpenseFieldsValidator());
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class UpdateExpenseHandler(
    IApplicationDbContext db,
    HouseholdAccess household,
    ExpenseTransitions transitions
) : ICommandHandler<UpdateExpense, ExpenseDto>
{
    public async ValueTask<ExpenseDto> Handle(
        UpdateExpense command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            async (change, now) =>
            {
                var details = command.ToDetails();
                ExpensePolicy.EnsureMayRecordPayers(change.Caller, details);
                await ExpenseListLinks.EnsureLinkableAsync(
                    db,
                    household,
                    change.Caller,
                    command.GroupId,
                    details,
                    change.Expense.ListId,
                    change.Expense.Id,
                    cancellationToken
                );
                change.Expense.Update(details, change.Members.Ids, now);
            },
            ExpenseAudit.Updated,
            cancellationToken
        );
}
