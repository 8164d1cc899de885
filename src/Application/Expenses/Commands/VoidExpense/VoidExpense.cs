namespace Ledger.Application.Expenses.Commands.VoidExpense;

/// <summary>
/// Voids an expense instead of deleting it (financial records are never deleted): it stays
/// readable with who voided it, when and why, and stops counting in the balances, which move
/// back in the same transaction. Its creator or an owner, at the version they saw.
/// </summary>
public sealed record VoidExpense(
    GroupId GroupId,
    ExpenseId ExpenseId,
    string Reason,
    int ExpectedVersion
) : ICommand<ExpenseDto>, IRequiresAccess, IExpenseChange, IVoidCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Write);
}

public sealed class VoidExpenseValidator : VoidCommandValidator<VoidExpense>;

public sealed class VoidExpenseHandler(ExpenseTransitions transitions)
    : ICommandHandler<VoidExpense, ExpenseDto>
{
    public async ValueTask<ExpenseDto> Handle(
        VoidExpense command,
        CancellationToken cancellationToken
    ) =>
        await transitions.ApplyAsync(
            command,
            (change, now) =>
            {
                change.Expense.Void(change.Caller.Actor, command.Reason, now);
                return Task.CompletedTask;
            },
            ExpenseAudit.Voided,
            cancellationToken
        );
}
