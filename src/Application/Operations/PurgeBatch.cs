namespace Ledger.Application.Operations;

/// <summary>
/// The one shape of the retention purges: delete at most one batch of the rows that are due,
/// oldest first (the caller orders them), and report how many went. Running it twice, or on two
/// workers at once, deletes nothing twice.
/// </summary>
internal static class PurgeBatch
{
    public static async Task<JobReport> DeleteAsync<T>(
        IQueryable<T> dueOldestFirst,
        int batchSize,
        string what,
        CancellationToken cancellationToken
    )
    {
        var purged = await dueOldestFirst.Take(batchSize).ExecuteDeleteAsync(cancellationToken);
        return new JobReport($"Purged {purged} {what}.");
    }
}
