using Microsoft.Extensions.Options;

namespace Ledger.Application.Operations.Commands.PruneOAuthTokens;

/// <summary>
/// Removes OAuth tokens and authorizations that are expired, revoked or redeemed and older than
/// the configured age, through the OAuth server's own pruning.
/// </summary>
public sealed record PruneOAuthTokens : IScheduledCommand;

public sealed class PruneOAuthTokensHandler(
    IOAuthTokenPruner pruner,
    IOptions<OperationsOptions> options,
    TimeProvider clock
) : ICommandHandler<PruneOAuthTokens, JobReport>
{
    public async ValueTask<JobReport> Handle(
        PruneOAuthTokens command,
        CancellationToken cancellationToken
    )
    {
        var threshold = clock.GetUtcNow() - options.Value.OAuthPruneAge;
        var (tokens, authorizations) = await pruner.PruneAsync(threshold, cancellationToken);
        return new JobReport($"Pruned {tokens} tokens and {authorizations} authorizations.");
    }
}
