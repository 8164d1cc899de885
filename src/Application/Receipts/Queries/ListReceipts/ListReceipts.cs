using Ledger.Application.Expenses;

namespace Ledger.Application.Receipts.Queries.ListReceipts;

/// <summary>The receipts attached to an expense, for those who may read the group.</summary>
public sealed record ListReceipts(GroupId GroupId, ExpenseId ExpenseId)
    : GroupReadQuery<IReadOnlyList<ReceiptDto>>(GroupId);

public sealed class ListReceiptsHandler(IApplicationDbContext db)
    : IQueryHandler<ListReceipts, IReadOnlyList<ReceiptDto>>
{
    public async ValueTask<IReadOnlyList<ReceiptDto>> Handle(
        ListReceipts query,
        CancellationToken cancellationToken
    )
    {
        if (
            !await db.Expenses.AnyAsync(
                e => e.GroupId == query.GroupId && e.Id == query.ExpenseId,
                cancellationToken
            )
        )
        {
            throw new NotFoundException(ExpenseAudit.ExpenseRecord);
        }

        var receipts = await db
            .Receipts.AsNoTracking()
            .Where(r =>
                r.GroupId == query.GroupId && r.ExpenseId == query.ExpenseId && r.Detached == null
            )
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return receipts.Select(ReceiptDto.From).ToArray();
    }
}
