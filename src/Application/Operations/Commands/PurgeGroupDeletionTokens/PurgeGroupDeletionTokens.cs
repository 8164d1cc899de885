using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations.Commands.PurgeGroupDeletionTokens;

/// <summary>
/// Deletes group-deletion confirmation requests whose token has expired (used or not), oldest
/// first, at most one batch per run. An expired token cannot confirm anything any more.
/// </summary>
public sealed record PurgeGroupDeletionTokens : IScheduledCommand;

public sealed class PurgeGroupDeletionTokensHandler(
    IApplicationDbContext db,
    IOptions<OperationsOptions> options,
    TimeProvider clock
) : ICommandHandler<PurgeGroupDeletionTokens, JobReport>
{
    public async ValueTask<JobReport> Handle(
        PurgeGroupDeletionTokens command,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        return await PurgeBatch.DeleteAsync(
            db.GroupDeletionRequests.Where(r => r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt),
            options.Value.PurgeBatchSize,
            "expired group deletion confirmations",
            cancellationToken
        );
    }
}
