using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations.Commands.PurgeIdempotencyKeys;

/// <summary>
/// Deletes idempotency keys past their 24 hours, at most one batch per run. An expired key
/// still in the table is already ignored (the next request with it starts afresh); this only
/// keeps the table small.
/// </summary>
public sealed record PurgeIdempotencyKeys : IScheduledCommand;

public sealed class PurgeIdempotencyKeysHandler(
    IApplicationDbContext db,
    IOptions<OperationsOptions> options,
    TimeProvider clock
) : ICommandHandler<PurgeIdempotencyKeys, JobReport>
{
    public async ValueTask<JobReport> Handle(
        PurgeIdempotencyKeys command,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        return await PurgeBatch.DeleteAsync(
            db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt),
            options.Value.PurgeBatchSize,
            "expired idempotency keys",
            cancellationToken
        );
    }
}
