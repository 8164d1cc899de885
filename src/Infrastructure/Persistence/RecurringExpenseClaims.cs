using Ledger.Application.Common.Interfaces;
using Ledger.Domain.Common;
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
        var claimed = await db
            .Database.SqlQuery<DueTemplate>(
                $"""
                SELECT r.group_id, r.id, g.time_zone_id
                FROM recurring_expenses r
                JOIN groups g ON g.id = r.group_id
                WHERE r.next_due_at <= {now} AND r.status = 'Active' AND g.status = 'Active'
                ORDER BY r.next_due_at
                LIMIT {limit}
                FOR UPDATE OF r SKIP LOCKED
                """
            )
            .ToListAsync(cancellationToken);
        return claimed
            .Select(c => new DueRecurringExpense(
                GroupId.From(c.GroupId),
                RecurringExpenseId.From(c.Id),
                c.TimeZoneId
            ))
            .ToList();
    }

    private sealed record DueTemplate(Guid GroupId, Guid Id, string TimeZoneId);
}
