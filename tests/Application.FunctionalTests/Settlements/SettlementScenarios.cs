using Ledger.Application.Expenses;
using Ledger.Application.FunctionalTests.Expenses;
using Ledger.Application.Settlements;
using Ledger.Application.Settlements.Commands.PaySplit;
using Ledger.Application.Settlements.Commands.RecordSettlement;
using Ledger.Domain.Common;

namespace Ledger.Application.FunctionalTests.Settlements;

internal static class SettlementScenarios
{
    public static RecordSettlement Settle(
        Flat flat,
        UserId from,
        UserId to,
        string amount,
        string currency = "EUR"
    ) => new(flat.Group, from, to, currency, amount);

    public static PaySplit Pay(ExpenseDto expense, UserId member, string amount) =>
        new(
            GroupId.From(expense.GroupId),
            ExpenseId.From(expense.Id),
            ExpenseSplitId.From(expense.Splits.Single(s => s.UserId == member.Value).Id),
            amount
        );

    public static SettlementDto Confirmed(this SettlementDto settlement) => settlement;
}
