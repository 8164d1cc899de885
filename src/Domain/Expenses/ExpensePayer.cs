using Ledger.Domain.Common;

namespace Ledger.Domain.Expenses;

/// <summary>A member who paid part (or all) of an expense, in the expense's currency.</summary>
public sealed class ExpensePayer
{
    internal ExpensePayer(ExpenseId expenseId, GroupId groupId, UserId userId, long paidMinorUnits)
    {
        ExpenseId = expenseId;
        GroupId = groupId;
        UserId = userId;
        PaidMinorUnits = paidMinorUnits;
    }

    private ExpensePayer() { }

    public ExpenseId ExpenseId { get; private init; }
    public GroupId GroupId { get; private init; }
    public UserId UserId { get; private init; }
    public long PaidMinorUnits { get; private init; }
}
