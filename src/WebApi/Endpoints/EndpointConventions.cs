using Ledger.Domain.Common;

namespace Ledger.WebApi.Endpoints;

internal static class EndpointConventions
{
    /// <summary>The handler's name is the endpoint's name and its OpenAPI operationId.</summary>
    public static RouteHandlerBuilder Named(this RouteHandlerBuilder builder, string handlerName) =>
        builder.WithName(handlerName);

    /// <summary>A group named by an optional query or body value (personal when absent).</summary>
    public static GroupId? ToGroupId(this Guid? groupId) =>
        groupId is { } id ? GroupId.From(id) : null;
}
