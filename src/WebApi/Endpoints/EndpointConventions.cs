using System.Reflection;
using Ledger.Domain.Common;

namespace Ledger.WebApi.Endpoints;

internal static class EndpointConventions
{
    /// <summary>
    /// Every endpoint of the group is named after its handler method: the handler's name is the
    /// endpoint's name (for links) and its OpenAPI operationId, stated here once instead of by a
    /// <c>WithName(nameof(Handler))</c> beside each route. Minimal APIs put the handler's
    /// <see cref="MethodInfo"/> first in the endpoint's metadata, before group conventions run.
    /// </summary>
    public static RouteGroupBuilder NamedAfterHandlers(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is { } handler)
            {
                endpoint.Metadata.Add(new EndpointNameMetadata(handler.Name));
                endpoint.Metadata.Add(new RouteNameMetadata(handler.Name));
            }
        });
        return group;
    }

    /// <summary>A group named by an optional query or body value (personal when absent).</summary>
    public static GroupId? ToGroupId(this Guid? groupId) =>
        groupId is { } id ? GroupId.From(id) : null;
}
