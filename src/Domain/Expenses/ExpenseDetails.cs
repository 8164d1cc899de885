using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Expenses;

/// <summary>Everything a client decides about an expense, checked by <see cref="Expense"/> as a whole.</summary>
/// <param name="Payers">Who paid how much; the amounts add up to <paramref name="Total"/>.</param>
/// <param name="List">The list the expense was bought from; any list the creator may read.</param>
public sealed record ExpenseDetails(
    string Description,
    ExpenseCategory Category,
    Money Total,
    DateOnly Date,
    IReadOnlyList<MemberAmount> Payers,
    SplitRule Split,
    ListId? List = null,
    string? Note = null
);
