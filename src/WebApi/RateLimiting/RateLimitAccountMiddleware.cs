using System.Buffers;
using System.Text;
using System.Text.Json;
using Ledger.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.WebApi.RateLimiting;

/// <summary>
/// The rate limiter of the HTTP pipeline, preceded by the reader of account fields (HTTP
/// middleware lives in the WebApi; the limiters and their Redis store are Infrastructure's).
/// </summary>
public static class RateLimitingPipeline
{
    /// <summary>Place it after authentication, so user and client partitions see the caller.</summary>
    public static IApplicationBuilder UseLedgerRateLimiting(this IApplicationBuilder app) =>
        app.UseMiddleware<RateLimitAccountMiddleware>().UseRateLimiter();
}

/// <summary>
/// Reads the account field of endpoints that name one, before the rate limiter, whose partition
/// choice cannot wait for the body. The body stays readable for model binding.
/// </summary>
internal sealed class RateLimitAccountMiddleware(RequestDelegate next)
{
    // Account fields sit in small bodies; a bigger one is not searched but shares one bucket, so
    // padding a request cannot escape the per-account limit.
    private const int MaxInspectedBodyBytes = 16 * 1024;
    private static readonly RateLimitAccount Unreadable = RateLimitAccount.Hashed("\0unreadable");
    private static readonly UpperInvariantLookupNormalizer DefaultNormalizer = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitAccountField>() is { } field)
        {
            var account = await AccountAsync(context, field);
            if (account is not null)
            {
                context.Features.Set(account);
            }
        }

        await next(context);
    }

    private static async Task<RateLimitAccount?> AccountAsync(
        HttpContext context,
        RateLimitAccountField field
    )
    {
        try
        {
            var request = context.Request;
            if (field.Kind == RateLimitAccountKind.TokenGrant)
            {
                return request.HasFormContentType
                    ? TokenGrantKey(request, await request.ReadFormAsync(context.RequestAborted))
                    : null;
            }

            // Exactly where the endpoint binds it from, and nowhere else: a value in the query
            // of a form endpoint is a decoy the endpoint never reads.
            var value = field.Source switch
            {
                RateLimitAccountSource.Query => request.Query[field.Name].ToString(),
                RateLimitAccountSource.Form when request.HasFormContentType => (
                    await request.ReadFormAsync(context.RequestAborted)
                )[field.Name]
                    .ToString(),
                RateLimitAccountSource.Json when request.HasJsonContentType() =>
                    await ReadJsonFieldAsync(request, field.Name),
                _ => null,
            };
            return string.IsNullOrWhiteSpace(value)
                ? null
                : RateLimitAccount.Hashed(Normalized(context, field.Kind, value.Trim()));
        }
        catch (Exception exception)
            when (exception
                    is IOException
                        or InvalidDataException
                        or JsonException
                        or BadHttpRequestException
                        or OperationCanceledException
            )
        {
            return Unreadable;
        }
    }

    /// <summary>
    /// The presented authorization code or refresh token, hashed: who guesses one guesses
    /// alone, and no public client id puts every user of a client in one bucket. Confidential
    /// clients (client credentials) are limited per client.
    /// </summary>
    private static RateLimitAccount? TokenGrantKey(HttpRequest request, IFormCollection form)
    {
        var presented = form[OpenIdParameters.GrantType].ToString() switch
        {
            OpenIdParameters.AuthorizationCodeGrant => Prefixed(
                "code",
                form[OpenIdParameters.Code].ToString()
            ),
            OpenIdParameters.RefreshTokenGrant => Prefixed(
                "refresh",
                form[OpenIdParameters.RefreshToken].ToString()
            ),
            OpenIdParameters.ClientCredentialsGrant => Prefixed(
                "client",
                BasicClientId(request) ?? form[OpenIdParameters.ClientId].ToString()
            ),
            _ => null,
        };
        return presented is null ? null : RateLimitAccount.Hashed(presented);
    }

    private static string? Prefixed(string kind, string value) =>
        string.IsNullOrEmpty(value) ? null : $"{kind}\0{value}";

    private static string? BasicClientId(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? Uri.UnescapeDataString(decoded[..colon]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Normalized(HttpContext context, RateLimitAccountKind kind, string value)
    {
        if (kind == RateLimitAccountKind.Email)
        {
            // The normaliser Identity finds users with: Unicode variants and any case of one
            // address are one account here too.
            var normalizer =
                context.RequestServices.GetService<ILookupNormalizer>() ?? DefaultNormalizer;
            return normalizer.NormalizeEmail(value) ?? value;
        }

        return Guid.TryParse(value, out var id) ? id.ToString("D") : value;
    }

    private static async Task<string?> ReadJsonFieldAsync(HttpRequest request, string field)
    {
        if (request.ContentLength > MaxInspectedBodyBytes)
        {
            throw new InvalidDataException("Body too large to inspect.");
        }

        request.EnableBuffering();
        var buffer = ArrayPool<byte>.Shared.Rent(MaxInspectedBodyBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (
                length <= MaxInspectedBodyBytes
                && (
                    read = await request.Body.ReadAsync(
                        buffer.AsMemory(length, MaxInspectedBodyBytes + 1 - length),
                        request.HttpContext.RequestAborted
                    )
                ) > 0
            )
            {
                length += read;
            }

            request.Body.Position = 0;
            if (length > MaxInspectedBodyBytes)
            {
                throw new InvalidDataException("Body too large to inspect.");
            }

            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? StringProperty(document.RootElement, field)
                : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? StringProperty(JsonElement element, string name)
    {
        // The binder matches names ignoring case and keeps the last of repeated properties.
        string? value = null;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value =
                    property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()
                        : null;
            }
        }

        return value;
    }
}

/// <summary>The OAuth token request's parameters the limiter reads (RFC 6749).</summary>
internal static class OpenIdParameters
{
    public const string GrantType = "grant_type";
    public const string Code = "code";
    public const string RefreshToken = "refresh_token";
    public const string ClientId = "client_id";
    public const string AuthorizationCodeGrant = "authorization_code";
    public const string RefreshTokenGrant = "refresh_token";
    public const string ClientCredentialsGrant = "client_credentials";
}
