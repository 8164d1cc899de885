using Ledger.Application.Expenses;
using Ledger.Domain.Expenses;
using Ledger.Domain.Recurrence;

namespace Ledger.Application.RecurringExpenses;

/// <summary>
/// A recurring expense as members read it: the template in the same shape clients send it
/// (amounts as strings in the currency's decimals), its rule, and where generation stands.
/// </summary>
public sealed record RecurringExpenseDto(
    Guid Id,
    Guid GroupId,
    string Description,
    ExpenseCategory Category,
    string? Note,
    string Currency,
    string Total,
    IReadOnlyList<MemberAmountInput> Payers,
    SplitInput Split,
    RecurrenceInput Recurrence,
    RecurringExpenseStatus Status,
    DateOnly? NextOccurrenceDate,
    DateOnly? LastOccurrenceDate,
    int GeneratedCount,
    string? SuspendedReason,
    Guid? CreatedByUserId,
    string? CreatedByClientId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? EndedAt,
    int Version
)
{
    public static RecurringExpenseDto From(RecurringExpense recurring)
    {
        var currency = recurring.Currency;
        var inSplit = recurring.Members.Where(m => m.InSplit).ToArray();
        var split = recurring.SplitType switch
        {
            SplitType.Equal => new SplitInput(
                SplitType.Equal,
                Members: inSplit.Select(m => m.Member.Value).ToArray()
            ),
            SplitType.Exact => new SplitInput(
                SplitType.Exact,
                Amounts: inSplit
                    .Select(m => new MemberAmountInput(
                        m.Member.Value,
                        ExpenseDto.Amount(m.OwedMinorUnits ?? 0, currency)
                    ))
                    .ToArray()
            ),
            _ => new SplitInput(
                recurring.SplitType,
                Weights: inSplit
                    .Select(m => new MemberWeightInput(m.Member.Value, m.Weight ?? 0m))
                    .ToArray()
            ),
        };
        return new RecurringExpenseDto(
            recurring.Id.Value,
            recurring.GroupId.Value,
            recurring.Description,
            recurring.Category,
            recurring.Note,
            currency,
            recurring.Total.ToCanonicalString(),
            recurring
                .Members.Where(m => m.PaidMinorUnits > 0)
                .Select(m => new MemberAmountInput(
                    m.Member.Value,
                    ExpenseDto.Amount(m.PaidMinorUnits, currency)
                ))
                .ToArray(),
            split,
            RecurrenceInput.From(recurring.Rule),
            recurring.Status,
            recurring.NextOccurrenceDate,
            recurring.LastOccurrenceDate,
            recurring.GeneratedCount,
            recurring.SuspendedReason,
            recurring.CreatedBy.UserId?.Value,
            recurring.CreatedBy.ClientId,
            recurring.CreatedAt,
            recurring.UpdatedAt,
            recurring.EndedAt,
            recurring.Version
        );
    }
}
