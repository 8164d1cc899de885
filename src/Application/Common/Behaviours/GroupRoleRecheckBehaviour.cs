namespace Ledger.Application.Common.Behaviours;

/// <summary>
/// Owner-only commands checked again under the group's lock, inside their transaction (issue 20
/// item 11). The authorization behaviour checks the role before the transaction; an owner
/// demoted or removed in between (their role change takes the same lock) would otherwise still
/// act as an owner. Taking the group's lock first also orders every owner-only change of a group
/// after the membership changes before it.
/// </summary>
public sealed class GroupRoleRecheckBehaviour<TMessage, TResponse>(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    GroupAccessChecker groupAccess
) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        if (
            message
                is IRequiresAccess
                {
                    Access: Access.GroupAccessRequirement { Required: GroupAccess.Owner } owner,
                }
            && db.Database.CurrentTransaction is not null
        )
        {
            await db.LockGroupAsync(owner.Group, cancellationToken);
            await groupAccess.EnsureAsync(
                principal,
                owner.Group,
                owner.Required,
                owner.AllowsDeletedGroup,
                PartnerUse.None,
                cancellationToken
            );
        }

        return await next(message, cancellationToken);
    }
}
