using Ledger.Application.Common.PersonalData;

namespace Ledger.Application.Expenses;

/// <summary>
/// The export's "expenses": every expense the user paid for, has a share of or recorded, voided
/// ones included, as the API shows them.
/// </summary>
public sealed class ExpensesPersonalData(IApplicationDbContext db) : IPersonalDataSection
{
    public string Name => "expenses";

    public async Task<object> ReadAsync(UserId userId, CancellationToken cancellationToken)
    {
        var expenses = await db
            .Expenses.AsNoTracking()
            .Where(e =>
                e.CreatedBy.UserId == userId
                || e.Payers.Any(p => p.UserId == userId)
                || e.Splits.Any(s => s.UserId == userId)
            )
            .Include(e => e.Payers)
            .Include(e => e.Splits)
            .Include(e => e.Items)
            .AsSplitQuery()
            .OrderBy(e => e.CreatedAt)
            .ToListAsync(cancellationToken);
        return expenses.Select(ExpenseDto.From).ToList();
    }
}
