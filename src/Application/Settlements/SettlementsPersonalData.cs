using Ledger.Application.Common.PersonalData;

namespace Ledger.Application.Settlements;

/// <summary>The export's "settlements": every settlement the user paid or received, and their split payments.</summary>
public sealed class SettlementsPersonalData(IApplicationDbContext db) : IPersonalDataSection
{
    public string Name => "settlements";

    public async Task<object> ReadAsync(UserId userId, CancellationToken cancellationToken)
    {
        var settlements = await db
            .Settlements.AsNoTracking()
            .Where(s => s.FromUserId == userId || s.ToUserId == userId)
            .OrderBy(s => s.RecordedAt)
            .ToListAsync(cancellationToken);
        var payments = await db
            .SplitPayments.AsNoTracking()
            .Where(a => a.DebtorUserId == userId || a.PayeeUserId == userId)
            .OrderBy(a => a.RecordedAt)
            .ToListAsync(cancellationToken);
        return new SettlementsExport(
            settlements.Select(SettlementDto.From).ToList(),
            payments
                .Select(a => new SplitPaymentExport(
                    a.Id.Value,
                    a.GroupId.Value,
                    a.ExpenseId.Value,
                    a.SplitId.Value,
                    a.DebtorUserId.Value,
                    a.PayeeUserId.Value,
                    a.Currency,
                    a.Amount.ToCanonicalString(),
                    a.PaidAt,
                    a.IsVoided
                ))
                .ToList()
        );
    }
}

public sealed record SettlementsExport(
    IReadOnlyList<SettlementDto> Settlements,
    IReadOnlyList<SplitPaymentExport> SplitPayments
);

public sealed record SplitPaymentExport(
    Guid Id,
    Guid GroupId,
    Guid ExpenseId,
    Guid SplitId,
    Guid DebtorUserId,
    Guid PayeeUserId,
    string Currency,
    string Amount,
    DateTimeOffset PaidAt,
    bool IsVoided
);
