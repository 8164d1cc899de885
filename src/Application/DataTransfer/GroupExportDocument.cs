namespace Ledger.Application.DataTransfer;

// The JSON form of a group export (docs/export-import.md). The export writes it element by
// element, never holding the whole history; the import reads it back (format "ledger").
// Amounts are strings in the currency's canonical form, as everywhere in the API.

/// <summary>A group's whole money history: what GET .../export?format=json answers.</summary>
public sealed record GroupExportDocument(
    string Format,
    int FormatVersion,
    DateTimeOffset ExportedAt,
    ExportedGroup Group,
    IReadOnlyList<ExportedMember> Members,
    IReadOnlyList<ExportedExpense> Expenses,
    IReadOnlyList<ExportedSettlement> Settlements,
    IReadOnlyList<ExportedSplitPayment> SplitPayments,
    IReadOnlyList<ExportedCurrencyBalances> Balances
)
{
    public const string FormatName = "ledger-group-export";
    public const int CurrentVersion = 1;
}

public sealed record ExportedGroup(Guid Id, string Name, string DefaultCurrency, string TimeZone);

public sealed record ExportedMember(
    Guid UserId,
    string Role,
    DateTimeOffset JoinedAt,
    DateTimeOffset? LeftAt
);

/// <param name="CreatedByUserId">The creating user; null when a partner client created it.</param>
/// <param name="VoidedAt">Set when the expense was voided: balances ignore it.</param>
public sealed record ExportedExpense(
    Guid Id,
    string Description,
    string Category,
    string? Note,
    DateOnly Date,
    string Currency,
    string Total,
    string SplitType,
    Guid? CreatedByUserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? VoidedAt,
    string? VoidReason,
    IReadOnlyList<ExportedAmount> Payers,
    IReadOnlyList<ExportedSplit> Splits,
    IReadOnlyList<ExportedItem> Items
);

public sealed record ExportedAmount(Guid UserId, string Amount);

public sealed record ExportedSplit(
    Guid Id,
    Guid UserId,
    string Owed,
    string Settled,
    string Status,
    decimal? Weight
);

public sealed record ExportedItem(Guid ListItemId, Guid? ForUserId, string Price);

public sealed record ExportedSettlement(
    Guid Id,
    Guid FromUserId,
    Guid ToUserId,
    string Currency,
    string Amount,
    string Status,
    string? Note,
    DateTimeOffset RecordedAt,
    DateTimeOffset? VoidedAt
);

public sealed record ExportedSplitPayment(
    Guid Id,
    Guid ExpenseId,
    Guid SplitId,
    Guid DebtorUserId,
    Guid PayeeUserId,
    string Currency,
    string Amount,
    DateTimeOffset PaidAt,
    DateTimeOffset? VoidedAt
);

public sealed record ExportedCurrencyBalances(
    string Currency,
    IReadOnlyList<ExportedAmount> Members
);
