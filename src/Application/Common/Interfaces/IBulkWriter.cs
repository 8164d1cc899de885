namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// Writes many rows of one entity type in one statement inside the current transaction,
/// bypassing change tracking: for set-based system commands (recurring generation, ADR 0022)
/// where tracking thousands of entities would cost more than the database work. Columns,
/// types and value conversions come from the EF model, so the rows are the ones
/// <c>SaveChanges</c> would write. Domain events of the rows are not collected: the caller
/// writes what they mean (outbox rows) itself.
/// </summary>
public interface IBulkWriter
{
    /// <summary>Inserts new rows (an owned child collection is not followed: insert it too).</summary>
    Task InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class;

    /// <summary>
    /// Sets the named properties of existing rows, matched by primary key, to the rows'
    /// current values. The caller must hold the rows' locks: no concurrency token is checked.
    /// </summary>
    Task UpdateAsync<T>(
        IReadOnlyCollection<T> rows,
        IReadOnlyList<string> properties,
        CancellationToken cancellationToken
    )
        where T : class;
}
