using Ledger.Application.Operations;
using Ledger.Application.Operations.Commands.ReloadConfiguration;
using Ledger.Application.Operations.Queries.GetDiagnostics;
using Ledger.WebApi.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ledger.WebApi.Endpoints;

/// <summary>
/// Diagnostics and configuration reload for platform admins (PRODUCT.md sections 4 and 5).
/// Everyone else gets 404 from the use cases (IRequirePlatformAdmin), as for the rest of the
/// admin API. The public health endpoints stay minimal.
/// </summary>
public static class AdminDiagnosticsEndpoints
{
    public static RouteGroupBuilder MapAdminDiagnosticsEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin");
        admin.MapGet("/diagnostics", GetDiagnostics);
        admin.MapPost("/config/reload", ReloadConfiguration);
        return admin;
    }

    /// <summary>
    /// This instance's build (version and commit), environment, start time, database and Redis
    /// status with latency, migration level, rate limiter mode, job store and the last
    /// configuration reload. Never cached.
    /// </summary>
    public static async Task<Ok<DiagnosticsDto>> GetDiagnostics(ApiCall call, HttpContext http)
    {
        var diagnostics = await call.Send(new GetDiagnostics());
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(diagnostics);
    }

    /// <summary>
    /// Re-reads the configuration files and environment now. Each reloadable section answers
    /// <c>applied</c> or <c>refused</c> (invalid: the last good values stay, the reason is logged).
    /// </summary>
    public static Task<Ok<ConfigurationReloadResult>> ReloadConfiguration(ApiCall call) =>
        call.Ok(new Application.Operations.Commands.ReloadConfiguration.ReloadConfiguration());
}
