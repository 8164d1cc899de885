using System.Linq.Expressions;
using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations;

/// <summary>
/// The one shape of the retention purges: delete at most one batch
/// (<see cref="OperationsOptions.PurgeBatchSize"/>) of the rows that are due now, oldest first,
/// and report how many went. Running it twice, or on two workers at once, deletes nothing twice.
/// </summary>
public sealed class PurgeBatch(IOptions<OperationsOptions> options, TimeProvider clock)
{
    /// <summary>Deletes one batch of the rows whose expiry (<paramref name="expiresAt"/>) has passed.</summary>
    public ValueTask<JobReport> DeleteExpiredAsync<T>(
        IQueryable<T> rows,
        Expression<Func<T, DateTimeOffset>> expiresAt,
        string what,
        CancellationToken cancellationToken
    ) =>
        DeleteAsync(
            now => rows.Where(HasPassed(expiresAt, now)).OrderBy(expiresAt),
            what,
            cancellationToken
        );

    /// <summary>Deletes one batch of what <paramref name="dueOldestFirst"/> selects at the current time.</summary>
    public async ValueTask<JobReport> DeleteAsync<T>(
        Func<DateTimeOffset, IQueryable<T>> dueOldestFirst,
        string what,
        CancellationToken cancellationToken
    ) => new($"Purged {await CountDeletedAsync(dueOldestFirst, cancellationToken)} {what}.");

    /// <summary>Deletes one batch and says how many rows went, for a job that purges several tables.</summary>
    public Task<int> CountDeletedAsync<T>(
        Func<DateTimeOffset, IQueryable<T>> dueOldestFirst,
        CancellationToken cancellationToken
    ) =>
        dueOldestFirst(clock.GetUtcNow())
            .Take(options.Value.PurgeBatchSize)
            .ExecuteDeleteAsync(cancellationToken);

    /// <summary><c>expiresAt(row) &lt;= now</c>, with <c>now</c> sent as a parameter.</summary>
    private static Expression<Func<T, bool>> HasPassed<T>(
        Expression<Func<T, DateTimeOffset>> expiresAt,
        DateTimeOffset now
    )
    {
        Expression<Func<DateTimeOffset>> nowParameter = () => now;
        return Expression.Lambda<Func<T, bool>>(
            Expression.LessThanOrEqual(expiresAt.Body, nowParameter.Body),
            expiresAt.Parameters
        );
    }
}
