using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Mediator;

namespace Ledger.Application.Common.Behaviours;

/// <summary>
/// Every message needs an authenticated principal unless it is <see cref="IAllowAnonymous"/>;
/// group-scoped messages are checked against membership and role in the database; list and
/// chore messages against <see cref="HouseholdAccess"/>.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(
    ICurrentPrincipal principal,
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
        if (message is not IAllowAnonymous && !principal.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        if (message is IGroupScoped scoped)
        {
            await groupAccess.EnsureAsync(
                principal,
                scoped.GroupId,
                scoped.RequiredAccess,
                scoped.AllowsDeletedGroup,
                cancellationToken
            );
        }

        await householdAccess.EnsureAsync(message, cancellationToken);
        return await next(message, cancellationToken);
    }
}
