using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Ledger.WebApi.Auth;

/// <summary>
/// The API's last check on an access token, after OpenIddict has validated it and its token and
/// authorization entries: the session behind it must still be live (see <see cref="AccountSessions"/>).
/// </summary>
public sealed class RejectEndedSessions(AccountSessions sessions)
    : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor
            .CreateBuilder<ValidateTokenContext>()
            .UseScopedHandler<RejectEndedSessions>()
            .SetOrder(
                OpenIddictValidationHandlers.Protection.ValidateAuthorizationEntry.Descriptor.Order
                    + 1_000
            )
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is null)
        {
            return;
        }

        if (!await sessions.IsLiveAsync(context.Principal, context.CancellationToken))
        {
            context.Reject(
                error: Errors.InvalidToken,
                description: "The token is no longer valid."
            );
        }
    }
}
