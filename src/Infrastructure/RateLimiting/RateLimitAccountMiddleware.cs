using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ledger.Infrastructure.RateLimiting;

/// <summary>
/// Reads the account field of endpoints that name one, before the rate limiter, whose partition
/// choice cannot wait for the body. The body stays readable for model binding.
/// </summary>
internal sealed class RateLimitAccountMiddleware(RequestDelegate next)
{
    // Account fields sit in small bodies; a bigger one is not searched but shares one bucket, so
    // padding a request cannot escape the per-account limit.
    private const int MaxInspectedBodyBytes = 16 * 1024;
    private static readonly string Unreadable = PartitionKeys.Hashed("account", "\0unreadable");

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RateLimitAccountField>() is { } field)
        {
            var key = await AccountKeyAsync(context.Request, field.Name);
            if (key is not null)
            {
                context.Features.Set(new RateLimitAccount(key));
            }
        }

        await next(context);
    }

    private static async Task<string?> AccountKeyAsync(HttpRequest request, string field)
    {
        try
        {
            var value = request.Query[field].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(value) && request.HasFormContentType)
            {
                value = (await request.ReadFormAsync(request.HttpContext.RequestAborted))[field]
                    .FirstOrDefault();
            }
            else if (string.IsNullOrWhiteSpace(value) && request.HasJsonContentType())
            {
                value = await ReadJsonFieldAsync(request, field);
            }

            return string.IsNullOrWhiteSpace(value)
                ? null
                : PartitionKeys.Hashed("account", value.Trim().ToLowerInvariant());
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
        foreach (var property in element.EnumerateObject())
        {
            if (
                string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind == JsonValueKind.String
            )
            {
                return property.Value.GetString();
            }
        }

        return null;
    }
}
