namespace Ledger.Application.Operations.Commands.PurgeIdempotencyKeys;

/// <summary>
/// Deletes idempotency keys past their 24 hours, at most one batch per run. An expired key
/// still in the table is already ignored (the next request with it starts afresh); this only
/// keeps the table small.
/// </summary>
public sealed record PurgeIdempotencyKeys : IScheduledCommand;

public sealed class PurgeIdempotencyKeysHandler(IApplicationDbContext db, PurgeBatch purge)
    : ICommandHandler<PurgeIdempotencyKeys, JobReport>
{
    public ValueTask<JobReport> Handle(
        PurgeIdempotencyKeys command,
        CancellationToken cancellationToken
    ) =>
        purge.DeleteExpiredAsync(
            db.IdempotencyRecords,
            r => r.ExpiresAt,
            "expired idempotency keys",
            cancellationToken
        );
}
