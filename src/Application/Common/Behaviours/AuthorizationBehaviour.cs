using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Common.Security;
using Mediator;

namespace Ledger.Application.Common.Behaviours;

/// <summary>
/// Every message needs an authenticated principal unless it is <see cref="IAllowAnonymous"/>;
/// admin messages need a platform admin; partners may send group-scoped messages only;
/// group-scoped messages are checked against membership, role or grant in the database; list
/// and chore messages against <see cref="HouseholdAccess"/>; system commands are refused to
/// anyone but the worker.
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

        if (message is IRequirePlatformAdmin)
        {
            if (!principal.IsPlatformAdmin)
            {
                throw new NotFoundException("resource");
            }
        }
        else if (principal.IsPartner && message is not IGroupScoped)
        {
            // Partners see granted groups and nothing else, not even that other things exist.
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
                PartnerUseOf(message),
                cancellationToken
            );
        }

        await householdAccess.EnsureAsync(message, cancellationToken);
        return await next(message, cancellationToken);
    }

    private static PartnerUse PartnerUseOf(TMessage message) =>
        message switch
        {
            IGroupWrite => PartnerUse.Write,
            IBaseQuery or IGroupReadCommand => PartnerUse.Read,
            _ => PartnerUse.None,
        };
}
