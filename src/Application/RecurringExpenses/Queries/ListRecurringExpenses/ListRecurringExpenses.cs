using Ledger.Application.Common.Paging;
using Ledger.Domain.Recurrence;

namespace Ledger.Application.RecurringExpenses.Queries.ListRecurringExpenses;

/// <summary>
/// The group's recurring expenses that have not ended (with <see cref="IncludeEnded"/>, all of
/// them), oldest first, a page at a time like every other list (issue 19 item 7).
/// </summary>
public sealed record ListRecurringExpenses(
    GroupId GroupId,
    bool IncludeEnded = false,
    int? Limit = null,
    string? Cursor = null
) : GroupListingQuery<RecurringExpenseDto>(GroupId, Limit, Cursor);

public sealed class ListRecurringExpensesValidator : PagedQueryValidator<ListRecurringExpenses>;

public sealed class ListRecurringExpensesHandler(IApplicationDbContext db, CursorCodec cursors)
    : IQueryHandler<ListRecurringExpenses, Page<RecurringExpenseDto>>
{
    public async ValueTask<Page<RecurringExpenseDto>> Handle(
        ListRecurringExpenses query,
        CancellationToken cancellationToken
    ) =>
        await cursors.ReadPageAsync(
            query,
            OldestFirst,
            $"recurring-expenses:{query.GroupId}:{query.IncludeEnded}",
            db.RecurringExpenses.AsNoTracking()
                .Where(r =>
                    r.GroupId == query.GroupId
                    && (query.IncludeEnded || r.Status != RecurringExpenseStatus.Ended)
                ),
            RecurringExpenseDto.From,
            cancellationToken
        );

    private static readonly KeysetOrder<RecurringExpense> OldestFirst =
        KeysetOrder<RecurringExpense>.Ascending(r => r.CreatedAt).ThenBy(r => r.Id);
}
