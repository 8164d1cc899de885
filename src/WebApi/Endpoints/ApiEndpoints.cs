using Ledger.WebApi.Http;

namespace Ledger.WebApi.Endpoints;

/// <summary>The versioned API under /api/v1; every group requires authorization unless it says otherwise.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization()
            .NamedAfterHandlers()
            .AddEndpointFilter<VersionConflictFilter>()
            .AddEndpointFilter<VersionedResultFilter>();
        api.MapGroupEndpoints();
        api.MapListEndpoints();
        api.MapChoreEndpoints();
        api.MapExpenseEndpoints();
        api.MapBalanceEndpoints();
        api.MapRecurringExpenseEndpoints();
        api.MapSettlementEndpoints();
        api.MapDataTransferEndpoints();
        api.MapReceiptEndpoints();
        api.MapIntegrationEndpoints();
        api.MapWebhookEndpoints();
        api.MapAdminClientEndpoints();
        api.MapOpsEndpoints();
        api.MapAdminDiagnosticsEndpoints();
        return app;
    }
}
