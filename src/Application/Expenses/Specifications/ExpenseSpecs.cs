using Ardalis.Specification;
using Ledger.Domain.Expenses;

namespace Ledger.Application.Expenses.Specifications;

/// <summary>One expense of a group with its payers, splits and items.</summary>
public sealed class ExpenseWithPartsSpec : SingleResultSpecification<Expense>
{
    public ExpenseWithPartsSpec(GroupId groupId, ExpenseId expenseId, bool tracked)
    {
        Query
            .Where(e => e.GroupId == groupId && e.Id == expenseId)
            .Include(e => e.Payers)
            .Include(e => e.Splits)
            .Include(e => e.Items);
        if (!tracked)
        {
            Query.AsNoTracking();
        }
    }
}

/// <summary>What a list of expenses is narrowed to; every part is optional.</summary>
public sealed record ExpenseFilter(
    DateOnly? From,
    DateOnly? To,
    UserId? Member,
    ExpenseCategory? Category,
    string? Text,
    bool IncludeVoided
);

/// <summary>
/// A group's expenses narrowed by a filter (read-only); the list pages them newest first (date,
/// then id: ids are time-ordered), served by the (group_id, date desc, id desc) index, or the
/// one with category; a member filter probes the per-member indexes of payers and splits.
/// </summary>
public sealed class ExpenseFilterSpec : Specification<Expense>
{
    public ExpenseFilterSpec(GroupId groupId, ExpenseFilter filter)
    {
        Query.Where(e => e.GroupId == groupId).AsNoTracking();

        if (!filter.IncludeVoided)
        {
            Query.Where(e => e.Voided == null);
        }

        if (filter.From is { } from)
        {
            Query.Where(e => e.Date >= from);
        }

        if (filter.To is { } to)
        {
            Query.Where(e => e.Date <= to);
        }

        if (filter.Category is { } category)
        {
            Query.Where(e => e.Category == category);
        }

        if (filter.Member is { } member)
        {
            Query.Where(e =>
                e.Payers.Any(p => p.UserId == member) || e.Splits.Any(s => s.UserId == member)
            );
        }

        if (!string.IsNullOrEmpty(filter.Text))
        {
            // Case-insensitive substring; translated to strpos, so '%' and '_' are plain text.
            var text = filter.Text.ToLowerInvariant();
#pragma warning disable CA1862 // An expression for SQL: lower() and strpos, not a .NET comparison.
            Query.Where(e => e.Description.ToLower().Contains(text));
#pragma warning restore CA1862
        }
    }
}
