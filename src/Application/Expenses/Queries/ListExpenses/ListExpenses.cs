using Ledger.Application.Common.Paging;
using Ledger.Application.Common.QueryStrings;
using Ledger.Application.Expenses.Specifications;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Expenses.Queries.ListExpenses;

/// <summary>
/// A group's expenses, newest first, a page at a time, for its members. Filters: a date range
/// (inclusive), a member (who paid or shares), a category, and text in the description
/// (case-insensitive). Voided expenses are left out unless asked for.
/// </summary>
public sealed record ListExpenses(
    GroupId GroupId,
    QueryValue<DateOnly> From = default,
    QueryValue<DateOnly> To = default,
    UserId? Member = null,
    QueryValue<ExpenseCategory> Category = default,
    string? Text = null,
    bool IncludeVoided = false,
    int? Limit = null,
    string? Cursor = null
) : GroupListingQuery<ExpenseSummaryDto>(GroupId, Limit, Cursor)
{
    public const int TextMaxLength = 100;
}

public sealed class ListExpensesValidator : PagedQueryValidator<ListExpenses>
{
    public ListExpensesValidator()
    {
        RuleFor(q => q.Text).MaximumLength(ListExpenses.TextMaxLength);
        RuleFor(q => q.From).MustRead("'from' must be a date such as 2026-03-01.");
        RuleFor(q => q.To).MustRead("'to' must be a date such as 2026-03-01.");
        RuleFor(q => q.Category).MustRead("'category' must be one of the expense categories.");
        RuleFor(q => q.To)
            .Must((q, to) => to.Value >= q.From.Value)
            .When(q => q.From.Value is not null && q.To.Value is not null)
            .WithMessage("'to' must not be before 'from'.");
    }
}

public sealed class ListExpensesHandler(IApplicationDbContext db, CursorCodec cursors)
    : IQueryHandler<ListExpenses, Page<ExpenseSummaryDto>>
{
    public async ValueTask<Page<ExpenseSummaryDto>> Handle(
        ListExpenses query,
        CancellationToken cancellationToken
    )
    {
        var filter = new ExpenseFilter(
            query.From.Value,
            query.To.Value,
            query.Member,
            query.Category.Value,
            string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim(),
            query.IncludeVoided
        );
        // Bound to the group and the filter: a cursor of one listing cannot page another.
        var purpose = $"expenses:{query.GroupId}:{SecretTokens.Hash(filter.ToString())}";
        var page = cursors.Open(NewestFirst, purpose, query.Cursor, query.Limit);

        var fetched = await page.Seek(db.Apply(new ExpenseFilterSpec(query.GroupId, filter)))
            .Select(e => new
            {
                e.Id,
                e.Description,
                e.Category,
                e.Date,
                e.Currency,
                e.TotalMinorUnits,
                e.SplitType,
                Payers = e.Payers.Select(p => new { p.UserId, p.PaidMinorUnits }).ToList(),
                e.CreatedBy,
                e.Version,
                IsVoided = e.Voided != null,
            })
            .ToListAsync(cancellationToken);

        return page.ToPage(
            fetched,
            e => new ExpenseSummaryDto(
                e.Id.Value,
                e.Description,
                e.Category,
                e.Date,
                e.Currency,
                ExpenseDto.Amount(e.TotalMinorUnits, e.Currency),
                e.SplitType,
                e.Payers.OrderBy(p => p.UserId.Value)
                    .Select(p => new PayerDto(
                        p.UserId.Value,
                        ExpenseDto.Amount(p.PaidMinorUnits, e.Currency)
                    ))
                    .ToArray(),
                e.CreatedBy.UserId?.Value,
                e.CreatedBy.ClientId,
                e.Version,
                e.IsVoided
            ),
            e => [e.Date, e.Id]
        );
    }

    private static readonly KeysetOrder<Expense> NewestFirst = KeysetOrder<Expense>
        .Descending(e => e.Date)
        .ThenBy(e => e.Id);
}
