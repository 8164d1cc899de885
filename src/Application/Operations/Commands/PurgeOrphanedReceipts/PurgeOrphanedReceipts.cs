using Ledger.Application.Receipts;
using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations.Commands.PurgeOrphanedReceipts;

/// <summary>
/// Deletes receipt files that no attached receipt names (detached, purged with their group, or
/// written by an upload whose transaction failed) once they are older than the grace period, so
/// an upload still committing never loses its file. At most a batch per run.
/// </summary>
public sealed record PurgeOrphanedReceipts : IScheduledCommand;

public sealed class PurgeOrphanedReceiptsHandler(
    IApplicationDbContext db,
    IReceiptStore store,
    IOptions<OperationsOptions> options,
    TimeProvider clock
) : ICommandHandler<PurgeOrphanedReceipts, JobReport>
{
    public async ValueTask<JobReport> Handle(
        PurgeOrphanedReceipts command,
        CancellationToken cancellationToken
    )
    {
        var settings = options.Value;
        var cutoff = clock.GetUtcNow() - settings.ReceiptOrphanGracePeriod;
        var deleted = 0;
        var candidates = store.List().Where(f => f.WrittenAt < cutoff);
        foreach (var chunk in candidates.Chunk(500))
        {
            var hashes = chunk.Select(f => f.Sha256).ToArray();
            var referenced = await db
                .Receipts.AsNoTracking()
                .Where(r => hashes.Contains(r.Sha256) && r.Detached == null)
                .Select(r => r.Sha256)
                .Distinct()
                .ToListAsync(cancellationToken);
            foreach (var orphan in hashes.Except(referenced, StringComparer.Ordinal))
            {
                store.Delete(orphan);
                if (++deleted >= settings.PurgeBatchSize)
                {
                    return new JobReport($"Deleted {deleted} orphaned receipt files (batch full).");
                }
            }
        }

        return new JobReport($"Deleted {deleted} orphaned receipt files.");
    }
}
