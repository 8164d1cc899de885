using Ledger.Application.Balances;
using Ledger.Application.Balances.Queries.CheckBalanceConsistency;
using Ledger.Application.Balances.Queries.GetBalances;
using Ledger.Domain.Common;
using Ledger.WebApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>A group's balances per currency with suggested transfers, and their consistency check.</summary>
public static class BalanceEndpoints
{
    public static RouteGroupBuilder MapBalanceEndpoints(this RouteGroupBuilder api)
    {
        var balances = api.MapGroup("/groups/{groupId:guid}/balances").WithTags("Balances");
        balances.MapGet("/", GetBalances);
        balances.MapGet("/consistency", CheckBalanceConsistency);
        return balances;
    }

    public static Task<Ok<BalancesDto>> GetBalances(GroupId groupId, ApiCall call) =>
        call.Ok(new GetBalances(groupId));

    /// <summary>Recomputes the balances from the whole history: an operations check, for owners.</summary>
    public static Task<Ok<BalanceConsistencyDto>> CheckBalanceConsistency(
        GroupId groupId,
        ApiCall call
    ) => call.Ok(new CheckBalanceConsistency(groupId));
}
