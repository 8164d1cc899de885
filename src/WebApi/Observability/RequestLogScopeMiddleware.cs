using System.Collections;
using System.Diagnostics;
using System.Security.Claims;

namespace Ledger.WebApi.Observability;

/// <summary>
/// One logging scope per request (ADR 0045): <c>Route</c> (the endpoint's template, never the
/// path with its ids or query), <c>UserId</c> or <c>ClientId</c>, and <c>GroupId</c> when the route
/// has one. Ids only: no email, name or token. With tracing on, the same ids tag the request span.
/// </summary>
public sealed class RequestLogScopeMiddleware(
    RequestDelegate next,
    ILogger<RequestLogScopeMiddleware> logger
)
{
    public Task InvokeAsync(HttpContext context)
    {
        var scope = RequestLogScope.For(context);
        if (Activity.Current is { IsAllDataRequested: true } activity)
        {
            activity.SetTag("enduser.id", scope.UserId ?? scope.ClientId);
            activity.SetTag("ledger.group_id", scope.GroupId);
        }

        return Invoke(context, scope);
    }

    private async Task Invoke(HttpContext context, RequestLogScope scope)
    {
        using (logger.BeginScope(scope))
        {
            await next(context);
        }
    }
}

/// <summary>The scope's values, as structured pairs for JSON and a short text for plain logs.</summary>
internal sealed class RequestLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values;

    private RequestLogScope(string? route, string? userId, string? clientId, string? groupId)
    {
        UserId = userId;
        ClientId = clientId;
        GroupId = groupId;
        _values =
        [
            new("Route", route),
            new("UserId", userId),
            new("ClientId", clientId),
            new("GroupId", groupId),
        ];
    }

    public string? UserId { get; }

    public string? ClientId { get; }

    public string? GroupId { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public static RequestLogScope For(HttpContext context)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var user = context.User;
        string? userId = null;
        string? clientId = null;
        if (user.Identity?.IsAuthenticated == true)
        {
            var subject = user.FindFirstValue("sub");
            var tokenClient = user.FindFirstValue("client_id");
            // A client credentials token's subject is the client itself.
            if (tokenClient is not null && subject == tokenClient)
            {
                clientId = tokenClient;
            }
            else
            {
                userId = Guid.TryParse(subject, out var id) ? id.ToString() : null;
            }
        }

        var groupId =
            context.Request.RouteValues.TryGetValue("groupId", out var value)
            && Guid.TryParse(value as string, out var group)
                ? group.ToString()
                : null;
        return new RequestLogScope(route, userId, clientId, groupId);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        $"Route:{_values[0].Value} UserId:{UserId} ClientId:{ClientId} GroupId:{GroupId}";
}
