using Ledger.Domain.Expenses;
using Ledger.Domain.Settlements;

namespace Ledger.Application.Settlements;

internal static class SettlementLoading
{
    /// <summary>A settlement of the group, or 404 (also for one of another group).</summary>
    public static async Task<Settlement> LoadSettlementAsync(
        this IApplicationDbContext db,
        GroupId groupId,
        SettlementId settlementId,
        bool tracked,
        CancellationToken cancellationToken
    )
    {
        var query = db.Settlements.Where(s => s.GroupId == groupId && s.Id == settlementId);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(
                cancellationToken
            ) ?? throw new NotFoundException(SettlementAudit.SettlementRecord);
    }

    /// <summary>A payment against a split of the expense, tracked, or 404.</summary>
    public static async Task<SplitPayment> LoadSplitPaymentAsync(
        this IApplicationDbContext db,
        GroupId groupId,
        ExpenseId expenseId,
        SplitPaymentId paymentId,
        CancellationToken cancellationToken
    ) =>
        await db.SplitPayments.SingleOrDefaultAsync(
            a => a.GroupId == groupId && a.ExpenseId == expenseId && a.Id == paymentId,
            cancellationToken
        ) ?? throw new NotFoundException(SettlementAudit.SplitPaymentRecord);
}
