namespace Ledger.Application.Common.Behaviours;

/// <summary>
/// Checks the one <see cref="Access"/> every message declares (ADR 0014) and records what it
/// resolved in the scoped <see cref="Caller"/>: anonymous messages are open to anyone; everything
/// else needs an authenticated principal; admin messages a platform admin (404 to others);
/// partners may send group messages only, as the group requirement's partner use allows; group
/// messages are checked against membership, role or grant in the database; list and chore
/// messages against <see cref="HouseholdAccess"/>; system messages are refused to anyone but the
/// worker. A message that declares no access is refused: closed by default.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(
    ICurrentPrincipal principal,
    Caller caller,
    GroupAccessChecker groupAccess,
    HouseholdAccess householdAccess
) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        var access =
            (message as IRequiresAccess)?.Access
            ?? throw new InvalidOperationException(
                $"{typeof(TMessage).Name} declares no access requirement (IRequiresAccess, ADR 0014)."
            );

        if (access is not Access.AnonymousAccess && !principal.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        switch (access)
        {
            case Access.AdminAccess:
                if (!principal.IsPlatformAdmin)
                {
                    throw new NotFoundException("resource");
                }

                break;
            case Access.GroupAccessRequirement:
                break;
            default:
                if (principal.IsPartner)
                {
                    // Partners see granted groups and nothing else, not even that other things exist.
                    throw new NotFoundException("resource");
                }

                break;
        }

        if (access is Access.SystemAccess && !principal.IsSystem)
        {
            throw new ForbiddenException("Only the worker may run scheduled maintenance.");
        }

        var role = access is Access.GroupAccessRequirement group
            ? await groupAccess.ResolveAsync(
                principal,
                group.Group,
                group.Required,
                group.AllowsDeletedGroup,
                group.Partners,
                cancellationToken
            )
            : null;

        await householdAccess.EnsureAsync(access, cancellationToken);
        using var _ = caller.Enter(access, role);
        return await next(message, cancellationToken);
    }
}
