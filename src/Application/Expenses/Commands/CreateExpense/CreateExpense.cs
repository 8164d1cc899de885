using Ledger.Application.Common.Idempotency;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Expenses.Commands.CreateExpense;

/// <summary>
/// Records an expense paid by one or several members and how it is split. Members record
/// expenses they paid some of; owners, and partners with <c>ledger.write</c>, anyone's. The
/// balances change in the same transaction.
/// </summary>
public sealed record CreateExpense(
    GroupId GroupId,
    string Description,
    ExpenseCategory Category,
    string Currency,
    string Total,
    DateOnly Date,
    IReadOnlyList<MemberAmountInput> Payers,
    SplitInput Split,
    Guid? ListId = null,
    string? Note = null
) : ICommand<ExpenseDto>, IRequiresAccess, IExpenseFields, IIdempotentCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Write);
}

public sealed class CreateExpenseValidator : AbstractValidator<CreateExpense>
{
    public CreateExpenseValidator() => Include(new ExpenseFieldsValidator());
}

public sealed class CreateExpenseHandler(IApplicationDbContext db, ExpenseRecorder recorder)
    : ICommandHandler<CreateExpense, ExpenseDto>
{
    public async ValueTask<ExpenseDto> Handle(
        CreateExpense command,
        CancellationToken cancellationToken
    )
    {
        var members = await GroupMembers.LockAndReadAsync(db, command.GroupId, cancellationToken);
        return await recorder.RecordAsync(
            command.GroupId,
            members,
            command.ToDetails(),
            cancellationToken
        );
    }
}
