using FluentValidation;
using FluentValidation.Results;
using Ledger.Application.Common.Idempotency;
using Ledger.Domain.Operations;

namespace Ledger.WebApi.Http;

/// <summary>
/// For POSTs that create money records: hands the optional <c>Idempotency-Key</c> header to the
/// idempotency behaviour and marks a replayed answer with <c>Idempotent-Replayed: true</c>.
/// </summary>
public sealed class IdempotencyKeyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async ValueTask<object?> InvokeAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next
    )
    {
        var http = context.HttpContext;
        var idempotency = http.RequestServices.GetRequiredService<IdempotencyContext>();
        if (http.Request.Headers.TryGetValue(Header, out var values))
        {
            var key = values.Count == 1 ? values[0] : null;
            if (
                key is null
                || key.Length is 0 or > IdempotencyRecord.KeyMaxLength
                || !key.All(c => c is >= '!' and <= '~')
            )
            {
                throw new ValidationException([
                    new ValidationFailure(
                        Header,
                        $"'{Header}' is one value of 1 to {IdempotencyRecord.KeyMaxLength} visible ASCII characters."
                    ),
                ]);
            }

            idempotency.Use(key);
        }

        var result = await next(context);
        if (idempotency.Replayed)
        {
            http.Response.Headers[ReplayedHeader] = "true";
        }

        return result;
    }
}

public static class IdempotencyKeyConventions
{
    /// <summary>The endpoint creates a money record and honours an Idempotency-Key.</summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder
            .AddEndpointFilter<IdempotencyKeyFilter>()
            .WithMetadata(new OpenApi.IdempotencyKeyMetadata());
}
