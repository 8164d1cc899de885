using Ledger.Application.Common.Exceptions;

namespace Ledger.WebApi.Http;

/// <summary>
/// Optimistic concurrency over HTTP (RFC 9110): a resource's ETag is its version. An update names
/// the version it read in <c>If-Match</c> or in the body's <c>version</c>; neither is 428.
/// </summary>
public static class EntityTags
{
    public static string Format(int version) => $"\"{version}\"";

    /// <summary>The version the client last saw: from If-Match first, else the body's version.</summary>
    public static int ExpectedVersion(HttpContext context, int? bodyVersion)
    {
        var ifMatch = context.Request.Headers.IfMatch;
        if (ifMatch.Count > 0)
        {
            var value = ifMatch.ToString().Trim();
            if (value.StartsWith("W/", StringComparison.Ordinal))
            {
                value = value[2..];
            }

            return
                value.Length > 2
                && value[0] == '"'
                && value[^1] == '"'
                && int.TryParse(value.AsSpan(1, value.Length - 2), out var version)
                && version > 0
                ? version
                : throw new PreconditionRequiredException(
                    "If-Match must be the ETag you read, such as \"3\"."
                );
        }

        return bodyVersion
            ?? throw new PreconditionRequiredException(
                "Send the version you read, in If-Match or as \"version\" in the body."
            );
    }

    /// <summary>Sets the ETag of a versioned resource on the response.</summary>
    public static void Set(HttpContext context, int version) =>
        context.Response.Headers.ETag = Format(version);
}
