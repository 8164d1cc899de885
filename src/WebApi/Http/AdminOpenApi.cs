using Ledger.Application.Common.Interfaces;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Ledger.WebApi.Http;

/// <summary>
/// The admin API (partner clients) and the ops API (jobs) documented in their own OpenAPI
/// document, <c>/openapi/admin.json</c>, which answers 404 to anyone but a platform admin, as
/// the operations themselves do. The anonymous <c>/openapi/v1.json</c> no longer lists them.
/// </summary>
public static class AdminOpenApi
{
    public const string DocumentName = "admin";

    private static readonly string[] Prefixes = ["api/v1/admin/", "api/v1/ops/"];

    public static bool IsAdminOperation(ApiDescription description) =>
        description.RelativePath is { } path
        && Prefixes.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>404 for the admin document unless the caller is a platform admin.</summary>
    public sealed class OnlyForAdmins : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(
            EndpointFilterInvocationContext context,
            EndpointFilterDelegate next
        )
        {
            var http = context.HttpContext;
            var name = http.Request.RouteValues["documentName"] as string;
            if (
                string.Equals(name, DocumentName, StringComparison.OrdinalIgnoreCase)
                && !http.RequestServices.GetRequiredService<ICurrentPrincipal>().IsPlatformAdmin
            )
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Not found.",
                    type: "https://httpstatuses.io/404"
                );
            }

            return await next(context);
        }
    }
}
