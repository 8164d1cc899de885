using Ledger.Application.Operations;
using OpenIddict.Abstractions;

namespace Ledger.Infrastructure.Operations;

/// <summary>OpenIddict's own pruning: invalid, expired or redeemed entries older than the threshold.</summary>
internal sealed class OAuthTokenPruner(
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations
) : IOAuthTokenPruner
{
    public async Task<(long Tokens, long Authorizations)> PruneAsync(
        DateTimeOffset threshold,
        CancellationToken cancellationToken
    )
    {
        // Tokens first: an authorization is prunable only once its tokens are gone.
        var prunedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var prunedAuthorizations = await authorizations.PruneAsync(threshold, cancellationToken);
        return (prunedTokens, prunedAuthorizations);
    }
}
