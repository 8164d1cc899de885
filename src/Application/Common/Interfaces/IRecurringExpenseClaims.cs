using Ledger.Domain.Recurrence;

namespace Ledger.Application.Common.Interfaces;

/// <summary>
/// The claim of recurring generation (ADR 0022): which templates a worker records now, their
/// rows held until its transaction ends while other workers take others.
/// </summary>
public interface IRecurringExpenseClaims
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> active recurring expenses of active groups due at
    /// <paramref name="now"/>, oldest due first, locking their rows until the transaction ends;
    /// rows another worker already holds are skipped (SKIP LOCKED). Returns the locked rows
    /// themselves, untracked. Inside the transaction only.
    /// </summary>
    Task<IReadOnlyList<DueRecurringExpense>> ClaimDueAsync(
        DateTimeOffset now,
        int limit,
        CancellationToken cancellationToken
    );
}

/// <summary>
/// A claimed recurring expense, read untracked in the claim's own statement (ADR 0082), and the
/// time zone its group's days are counted in.
/// </summary>
public sealed record DueRecurringExpense(RecurringExpense Template, string TimeZoneId);
