using Ledger.Application.Common.Paging;
using Ledger.Application.Expenses;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Settlements.Queries.ListSplitPayments;

/// <summary>
/// An expense's split payments, newest first, a page at a time: pending, declined and voided
/// ones included and marked, each with its split's current state. 404 for an expense that is
/// not the group's.
/// </summary>
public sealed record ListSplitPayments(
    GroupId GroupId,
    ExpenseId ExpenseId,
    int? Limit = null,
    string? Cursor = null
) : GroupListingQuery<SplitPaymentDto>(GroupId, Limit, Cursor);

public sealed class ListSplitPaymentsValidator : PagedQueryValidator<ListSplitPayments>;

public sealed class ListSplitPaymentsHandler(IApplicationDbContext db, CursorCodec cursors)
    : IQueryHandler<ListSplitPayments, Page<SplitPaymentDto>>
{
    public async ValueTask<Page<SplitPaymentDto>> Handle(
        ListSplitPayments query,
        CancellationToken cancellationToken
    )
    {
        var expense = await db.LoadExpenseAsync(
            query.GroupId,
            query.ExpenseId,
            tracked: false,
            cancellationToken
        );
        var splits = expense.Splits.ToDictionary(s => s.Id);
        return await cursors.ReadPageAsync(
            query,
            NewestFirst,
            $"split-payments:{query.GroupId}:{query.ExpenseId}",
            db.SplitPayments.AsNoTracking()
                .Where(p => p.GroupId == query.GroupId && p.ExpenseId == query.ExpenseId),
            p => SplitPaymentDto.From(p, splits[p.SplitId]),
            cancellationToken
        );
    }

    private static readonly KeysetOrder<SplitPayment> NewestFirst =
        KeysetOrder<SplitPayment>.Descending(p => p.Id);
}
