namespace Ledger.Application.Operations.Commands.PurgeGroupDeletionTokens;

/// <summary>
/// Deletes group-deletion confirmation requests whose token has expired (used or not), oldest
/// first, at most one batch per run. An expired token cannot confirm anything any more.
/// </summary>
public sealed record PurgeGroupDeletionTokens : IScheduledCommand;

public sealed class PurgeGroupDeletionTokensHandler(IApplicationDbContext db, PurgeBatch purge)
    : ICommandHandler<PurgeGroupDeletionTokens, JobReport>
{
    public ValueTask<JobReport> Handle(
        PurgeGroupDeletionTokens command,
        CancellationToken cancellationToken
    ) =>
        purge.DeleteExpiredAsync(
            db.GroupDeletionRequests,
            r => r.ExpiresAt,
            "expired group deletion confirmations",
            cancellationToken
        );
}
