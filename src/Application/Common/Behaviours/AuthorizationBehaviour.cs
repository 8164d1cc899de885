using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Mediator;

namespace Ledger.Application.Common.Behaviours;

/// <summary>
/// Every message needs an authenticated principal unless it is <see cref="IAllowAnonymous"/>;
/// group-scoped messages are checked against membership and role in the database. Admin-only
/// messages answer 404 to everyone else (no existence leak, PRODUCT.md section 3); system
/// commands are refused to anyone but the worker.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(
    ICurrentPrincipal principal,
    GroupAccessChecker groupAccess
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

        if (message is IRequirePlatformAdmin && !principal.IsPlatformAdmin)
        {
            throw new NotFoundException("resource");
        }

        if (message is ISystemCommand && !principal.IsSystem)
        {
            throw new ForbiddenException("Only the worker may run scheduled maintenance.");
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

        return await next(message, cancellationToken);
    }
}
