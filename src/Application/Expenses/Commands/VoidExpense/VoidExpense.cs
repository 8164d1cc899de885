using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Transitions;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Audit;
using Ledger.Domain.Balances;

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
) : ICommand<ExpenseDto>, IRequiresAccess, IVoidCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Write);
}

public sealed class VoidExpenseValidator : VoidCommandValidator<VoidExpense>;

public sealed class VoidExpenseHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<VoidExpense, ExpenseDto>
{
    public async ValueTask<ExpenseDto> Handle(
        VoidExpense command,
        CancellationToken cancellationToken
    )
    {
        var members = await GroupMembers.LockAndReadAsync(db, command.GroupId, cancellationToken);
        var expense = await db.LockAndLoadExpenseAsync(
            command.GroupId,
            command.ExpenseId,
            cancellationToken
        );
        var caller = ExpensePolicy.Caller(principal, members);
        ExpensePolicy.EnsureMayChange(caller, expense);
        command.EnsureCurrent(expense, ExpenseAudit.ExpenseRecord);

        var before = BalanceEffect.Of(expense);
        expense.Void(caller.Actor, command.Reason, clock.GetUtcNow());
        var change = BalanceEffect.Change(before, BalanceEffect.Of(expense));
        members.EnsureOnlyMembersAffected(change);
        await balances.ApplyAsync(command.GroupId, change, cancellationToken);
        audit.Record(
            ExpenseAudit.Voided,
            ExpenseAudit.ExpenseRecord,
            expense.Id,
            expense.GroupId,
            expense.Voided!.Reason
        );
        return ExpenseDto.From(expense);
    }
}
