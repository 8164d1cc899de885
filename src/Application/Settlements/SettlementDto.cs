using Ledger.Domain.Expenses;
using Ledger.Domain.Settlements;

namespace Ledger.Application.Settlements;

/// <summary>A settlement as the group's members read it; the amount is a string ("12.50").</summary>
public sealed record SettlementDto(
    Guid Id,
    Guid GroupId,
    Guid FromUserId,
    Guid ToUserId,
    string Currency,
    string Amount,
    string? Note,
    SettlementStatus Status,
    Guid? RecordedByUserId,
    string? RecordedByClientId,
    DateTimeOffset RecordedAt,
    DateTimeOffset? DecidedAt,
    int Version,
    bool IsVoided,
    DateTimeOffset? VoidedAt,
    Guid? VoidedByUserId,
    string? VoidReason
)
{
    public static SettlementDto From(Settlement s) =>
        new(
            s.Id.Value,
            s.GroupId.Value,
            s.FromUserId.Value,
            s.ToUserId.Value,
            s.Currency,
            s.Amount.ToCanonicalString(),
            s.Note,
            s.Status,
            s.RecordedBy.UserId?.Value,
            s.RecordedBy.ClientId,
            s.RecordedAt,
            s.DecidedAt,
            s.Version,
            s.IsVoided,
            s.Voided?.At,
            s.Voided?.By.UserId?.Value,
            s.Voided?.Reason
        );
}

/// <summary>A payment against one split, and the split's state after it.</summary>
public sealed record SplitPaymentDto(
    Guid Id,
    Guid GroupId,
    Guid ExpenseId,
    Guid SplitId,
    Guid DebtorUserId,
    Guid PayeeUserId,
    string Currency,
    string Amount,
    DateTimeOffset PaidAt,
    Guid? RecordedByUserId,
    string? RecordedByClientId,
    DateTimeOffset RecordedAt,
    bool IsVoided,
    DateTimeOffset? VoidedAt,
    string? VoidReason,
    SplitStateDto Split,
    SettlementStatus Status,
    DateTimeOffset? DecidedAt,
    int Version
)
{
    public static SplitPaymentDto From(SplitPayment a, Ledger.Domain.Expenses.ExpenseSplit split) =>
        new(
            a.Id.Value,
            a.GroupId.Value,
            a.ExpenseId.Value,
            a.SplitId.Value,
            a.DebtorUserId.Value,
            a.PayeeUserId.Value,
            a.Currency,
            a.Amount.ToCanonicalString(),
            a.PaidAt,
            a.RecordedBy.UserId?.Value,
            a.RecordedBy.ClientId,
            a.RecordedAt,
            a.IsVoided,
            a.Voided?.At,
            a.Voided?.Reason,
            new SplitStateDto(
                split.Owed.ToCanonicalString(),
                split.Settled.ToCanonicalString(),
                split.Remaining.ToCanonicalString(),
                split.Status
            ),
            a.Status,
            a.DecidedAt,
            a.Version
        );
}

/// <summary>What a split owes, what of it is settled and what remains.</summary>
public sealed record SplitStateDto(
    string Owed,
    string Settled,
    string Remaining,
    Ledger.Domain.Expenses.SplitStatus Status
);
