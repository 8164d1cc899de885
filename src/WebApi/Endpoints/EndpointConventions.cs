namespace Ledger.WebApi.Endpoints;

internal static class EndpointConventions
{
    /// <summary>The handler's name is the endpoint's name and its OpenAPI operationId.</summary>
    public static RouteHandlerBuilder Named(this RouteHandlerBuilder builder, string handlerName) =>
        builder.WithName(handlerName);
}
