using System.Collections.Concurrent;
using System.Reflection;
using Ledger.Application.Lists;

namespace Ledger.WebApi.Http;

/// <summary>
/// Sets the <c>ETag</c> of every successful answer that is one versioned resource (RFC 9110): its
/// ETag is its version. One filter on the whole API instead of a copy per endpoint (ADR 0061).
/// "Versioned" is the rule the OpenAPI document states the header by (ADR 0040): the body has an
/// <c>int Version</c>. A list with its items answers with the list's version.
/// </summary>
public sealed class VersionedResultFilter : IEndpointFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> VersionProperties = new();

    public async ValueTask<object?> InvokeAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next
    )
    {
        var result = await next(context);
        if (
            result
                is IValueHttpResult { Value: { } value }
                    and IStatusCodeHttpResult { StatusCode: >= 200 and < 300 }
            && VersionOf(value) is { } version
        )
        {
            EntityTags.Set(context.HttpContext, version);
        }

        return result;
    }

    /// <summary>The version of a versioned resource; null for anything else (pages, lists, reports).</summary>
    public static int? VersionOf(object value) =>
        value switch
        {
            ListWithItemsDto list => list.List.Version,
            _ => VersionProperties.GetOrAdd(value.GetType(), VersionProperty)?.GetValue(value)
                is int version
                ? version
                : null,
        };

    private static PropertyInfo? VersionProperty(Type type) =>
        type.GetProperty("Version", BindingFlags.Public | BindingFlags.Instance)
            is { PropertyType: var property } info
        && property == typeof(int)
            ? info
            : null;
}
