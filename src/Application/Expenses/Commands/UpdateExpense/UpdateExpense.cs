using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Security;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Balances;
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
) : ICommand<ExpenseDto>, IRequiresAccess, IVersionedCommand, IExpenseFields
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
    ICurrentPrincipal principal,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<UpdateExpense, ExpenseDto>
{
    public async ValueTask<ExpenseDto> Handle(
        UpdateExpense command,
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
        var details = command.ToDetails();
        ExpensePolicy.EnsureMayRecordPayers(caller, details);
        await ExpenseListLinks.EnsureLinkableAsync(
            db,
            household,
            caller,
            command.GroupId,
            details,
            expense.ListId,
            expense.Id,
            cancellationToken
        );

        var before = BalanceEffect.Of(expense);
        expense.Update(details, members.Ids, clock.GetUtcNow());
        var change = BalanceEffect.Change(before, BalanceEffect.Of(expense));
        members.EnsureOnlyMembersAffected(change);
        await balances.ApplyAsync(command.GroupId, change, cancellationToken);
        audit.Record(ExpenseAudit.Updated, ExpenseAudit.ExpenseRecord, expense.Id, expense.GroupId);
        return ExpenseDto.From(expense);
    }
}
