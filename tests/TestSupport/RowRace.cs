using Npgsql;

namespace Ledger.TestSupport;

/// <summary>
/// Races attempts on one row deterministically: a transaction of the test holds the row (a
/// group's, a list's or a chore's) while the attempts start, and lets go only once every one of
/// them is queued on a lock, so they all read the same state before any of them writes, whatever
/// the timing of the machine. Returns each attempt's failure (null for a success).
/// </summary>
public static class RowRace
{
    public static async Task<Exception?[]> RaceAsync(
        string connectionString,
        string table,
        Guid rowId,
        int attempts,
        Func<int, Task> attempt
    )
    {
        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (
            var lockRow = new NpgsqlCommand(
                $"SELECT 1 FROM {table} WHERE id = @id FOR UPDATE",
                blocker
            )
        )
        {
            lockRow.Parameters.AddWithValue("id", rowId);
            await lockRow.ExecuteNonQueryAsync();
        }

        var race = Task.WhenAll(Enumerable.Range(0, attempts).Select(i => Attempt(i, attempt)));
        await WaitForLockWaitersAsync(connectionString, table, attempts, race);
        await transaction.CommitAsync();
        return await race;
    }

    private static async Task<Exception?> Attempt(int index, Func<int, Task> attempt)
    {
        await Task.Yield();
        try
        {
            await attempt(index);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private static async Task WaitForLockWaitersAsync(
        string connectionString,
        string table,
        int expected,
        Task race
    )
    {
        await using var observer = new NpgsqlConnection(connectionString);
        await observer.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            observer
        );
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((long)(await count.ExecuteScalarAsync())! < expected)
        {
            if (race.IsCompleted || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"The racers did not all queue on the lock of the {table} row; the race proves nothing."
                );
            }

            await Task.Delay(20);
        }
    }
}
