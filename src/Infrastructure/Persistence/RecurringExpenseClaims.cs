using Ledger.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Persistence;

internal sealed class RecurringExpenseClaims(ApplicationDbContext db) : IRecurringExpenseClaims
{
    public async Task<IReadOnlyList<DueRecurringExpense>> ClaimDueAsync(
        DateTimeOffset now,
        int limit,
        CancellationToken cancellationToken
    )
    {
        OpenTransaction.Require(db.Database, "Claiming recurring expenses");
        // Oldest due first, by the next_due_at index alone: the scan stops after the batch. An
        // ORDER BY with a tie-breaker the index lacks would sort every due template on every
        // claim (0.7 s per batch at 100,000 due, ADR 0022).
        // The claim returns the rows it locked (ADR 0082): one statement reads the templates
        // generation needs, instead of the claim's ids and a second query by id. PostgreSQL allows
        // the locking clause in the sub-select EF wraps around it; the join to groups outside it
        // only reads each group's time zone (primary-key probes, no lock).
        // The creator's columns are repeated under the names EF 10 reads a complex type by from
        // FromSql (its default names, not the mapped ones: dotnet/efcore#36847, ADR 0084).
        var claimed = await db
            .RecurringExpenses.FromSql(
                $"""
                SELECT r.*,
                    r.created_by_user_id AS "CreatedBy_UserId",
                    r.created_by_client_id AS "CreatedBy_ClientId"
                FROM recurring_expenses r
                JOIN groups g ON g.id = r.group_id
                WHERE r.next_due_at <= {now} AND r.status = 'Active' AND g.status = 'Active'
                ORDER BY r.next_due_at
                LIMIT {limit}
                FOR UPDATE OF r SKIP LOCKED
                """
            )
            .AsNoTracking()
            .Join(
                db.Groups,
                r => r.GroupId,
                g => g.Id,
                (r, g) => new { Template = r, g.TimeZoneId }
            )
            .ToListAsync(cancellationToken);
        // Oldest due first, as claimed: the outer join does not keep the sub-select's order.
        return claimed
            .OrderBy(c => c.Template.NextDueAt)
            .Select(c => new DueRecurringExpense(c.Template, c.TimeZoneId))
            .ToList();
    }
}
