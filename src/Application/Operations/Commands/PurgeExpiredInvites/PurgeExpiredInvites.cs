using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations.Commands.PurgeExpiredInvites;

/// <summary>
/// Deletes invites whose expiry has passed, oldest first, at most one batch per run. An expired
/// invite can no longer be used, so deleting it changes nothing a user can do.
/// </summary>
public sealed record PurgeExpiredInvites : IScheduledCommand;

public sealed class PurgeExpiredInvitesHandler(
    IApplicationDbContext db,
    IOptions<OperationsOptions> options,
    TimeProvider clock
) : ICommandHandler<PurgeExpiredInvites, JobReport>
{
    public async ValueTask<JobReport> Handle(
        PurgeExpiredInvites command,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        return await PurgeBatch.DeleteAsync(
            db.Invites.Where(i => i.ExpiresAt <= now).OrderBy(i => i.ExpiresAt),
            options.Value.PurgeBatchSize,
            "expired invites",
            cancellationToken
        );
    }
}
