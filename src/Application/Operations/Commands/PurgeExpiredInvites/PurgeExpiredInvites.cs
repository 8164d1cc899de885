namespace Ledger.Application.Operations.Commands.PurgeExpiredInvites;

/// <summary>
/// Deletes invites whose expiry has passed, oldest first, at most one batch per run. An expired
/// invite can no longer be used, so deleting it changes nothing a user can do.
/// </summary>
public sealed record PurgeExpiredInvites : IScheduledCommand;

public sealed class PurgeExpiredInvitesHandler(IApplicationDbContext db, PurgeBatch purge)
    : ICommandHandler<PurgeExpiredInvites, JobReport>
{
    public ValueTask<JobReport> Handle(
        PurgeExpiredInvites command,
        CancellationToken cancellationToken
    ) =>
        purge.DeleteExpiredAsync(
            db.Invites,
            i => i.ExpiresAt,
            "expired invites",
            cancellationToken
        );
}
