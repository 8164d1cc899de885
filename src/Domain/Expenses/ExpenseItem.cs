using Ledger.Domain.Common;

namespace Ledger.Domain.Expenses;

/// <summary>
/// A bought list item charged to one member (or to the rest) by an item-based split. Keeps the price it was
/// charged at, so later changes to the list never change the expense.
/// </summary>
public sealed class ExpenseItem
{
    internal ExpenseItem(
        ExpenseId expenseId,
        GroupId groupId,
        ListItemId listItemId,
        UserId? forUserId,
        long priceMinorUnits
    )
    {
        ExpenseId = expenseId;
        GroupId = groupId;
        ListItemId = listItemId;
        ForUserId = forUserId;
        PriceMinorUnits = priceMinorUnits;
    }

    private ExpenseItem() { }

    public ExpenseId ExpenseId { get; private init; }
    public GroupId GroupId { get; private init; }
    public ListItemId ListItemId { get; private init; }

    /// <summary>Null when the item was shared: its price went to the split's rest.</summary>
    public UserId? ForUserId { get; private init; }
    public long PriceMinorUnits { get; private init; }
}
