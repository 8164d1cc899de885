using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;

namespace Ledger.Application.Expenses;

/// <summary>
/// An expense as the group's members read it. Amounts are strings with exactly the currency's
/// decimals ("12.50", "1200", "0.500"), so no client loses precision; dates are yyyy-MM-dd.
/// A voided expense stays readable, with who voided it, when and why.
/// </summary>
public sealed record ExpenseDto(
    Guid Id,
    Guid GroupId,
    string Description,
    ExpenseCategory Category,
    string? Note,
    DateOnly Date,
    string Currency,
    string Total,
    SplitType SplitType,
    SplitType? RestSplitType,
    Guid? ListId,
    IReadOnlyList<PayerDto> Payers,
    IReadOnlyList<SplitDto> Splits,
    IReadOnlyList<ItemDto> Items,
    Guid? CreatedByUserId,
    string? CreatedByClientId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    int Version,
    bool IsVoided,
    DateTimeOffset? VoidedAt,
    Guid? VoidedByUserId,
    string? VoidedByClientId,
    string? VoidReason
)
{
    public static ExpenseDto From(Expense expense) =>
        new(
            expense.Id.Value,
            expense.GroupId.Value,
            expense.Description,
            expense.Category,
            expense.Note,
            expense.Date,
            expense.Currency,
            expense.Total.ToCanonicalString(),
            expense.SplitType,
            expense.RestSplitType,
            expense.ListId?.Value,
            // Rows come back from the database in no particular order; members' ids give one.
            expense
                .Payers.OrderBy(p => p.UserId.Value)
                .Select(p => new PayerDto(
                    p.UserId.Value,
                    Amount(p.PaidMinorUnits, expense.Currency)
                ))
                .ToArray(),
            expense.Splits.OrderBy(s => s.UserId.Value).Select(SplitDto.From).ToArray(),
            expense
                .Items.OrderBy(i => i.ListItemId.Value)
                .Select(i => new ItemDto(
                    i.ListItemId.Value,
                    i.ForUserId?.Value,
                    Amount(i.PriceMinorUnits, expense.Currency)
                ))
                .ToArray(),
            expense.CreatedBy.UserId?.Value,
            expense.CreatedBy.ClientId,
            expense.CreatedAt,
            expense.UpdatedAt,
            expense.Version,
            expense.IsVoided,
            expense.Voided?.At,
            expense.Voided?.By.UserId?.Value,
            expense.Voided?.By.ClientId,
            expense.Voided?.Reason
        );

    internal static string Amount(long minorUnits, string currency) =>
        Money.FromMinorUnits(minorUnits, currency).ToCanonicalString();
}

/// <summary>A member who paid (part of) the expense.</summary>
public sealed record PayerDto(Guid UserId, string Amount);

/// <summary>
/// A member's part: what they owe, how much of it is settled (their own payment counts) and
/// what remains; the weight is their percentage or shares for the split types that have one.
/// </summary>
public sealed record SplitDto(
    Guid Id,
    Guid UserId,
    string Owed,
    string Settled,
    string Remaining,
    SplitStatus Status,
    decimal? Weight
)
{
    public static SplitDto From(ExpenseSplit split) =>
        new(
            split.Id.Value,
            split.UserId.Value,
            split.Owed.ToCanonicalString(),
            split.Settled.ToCanonicalString(),
            split.Remaining.ToCanonicalString(),
            split.Status,
            split.Weight
        );
}

/// <summary>A bought list item charged to the member it was for.</summary>
public sealed record ItemDto(Guid ItemId, Guid? ForUserId, string Price);

/// <summary>An expense in a list: enough to show a line, with its version for quick edits.</summary>
public sealed record ExpenseSummaryDto(
    Guid Id,
    string Description,
    ExpenseCategory Category,
    DateOnly Date,
    string Currency,
    string Total,
    SplitType SplitType,
    IReadOnlyList<PayerDto> Payers,
    Guid? CreatedByUserId,
    string? CreatedByClientId,
    int Version,
    bool IsVoided
);
