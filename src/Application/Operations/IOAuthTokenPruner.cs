namespace Ledger.Application.Operations;

/// <summary>Removes spent OAuth tokens and authorizations (the OAuth server's own pruning).</summary>
public interface IOAuthTokenPruner
{
    /// <summary>Prunes what was created before <paramref name="threshold"/> and is no longer valid.</summary>
    Task<(long Tokens, long Authorizations)> PruneAsync(
        DateTimeOffset threshold,
        CancellationToken cancellationToken
    );
}
