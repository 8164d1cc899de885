using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ledger.Application.Common.Idempotency;

namespace Ledger.Application.Common.Behaviours;

/// <summary>
/// Inside the transaction, for commands that create money records sent with an
/// Idempotency-Key: the key, a hash of the request and the answer are stored in the same
/// transaction as the change, so either both commit or neither. The unique key decides who is
/// first (no check-then-insert); a transaction-scoped advisory lock on the key tells a
/// duplicate arriving while the first still runs (409) from a retry after it committed, which
/// gets the first answer back. A key reused for another request answers 422.
/// </summary>
public sealed class IdempotencyBehaviour<TMessage, TResponse>(
    IdempotencyContext context,
    IIdempotencyStore store,
    ICurrentPrincipal principal,
    TimeProvider clock
) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        if (message is not IIdempotentCommand || context.KeyFor(message) is not { } key)
        {
            return await next(message, cancellationToken);
        }

        var caller = principal.UserId is { } user ? $"user:{user}" : $"client:{principal.ClientId}";
        var hash = Hash(message);
        var claim = await store.ClaimAsync(caller, key, hash, clock.GetUtcNow(), cancellationToken);
        if (!claim.Held)
        {
            throw InFlight();
        }

        var earlier = claim.Earlier;
        if (earlier is not null)
        {
            if (earlier.RequestHash != hash)
            {
                throw new IdempotencyKeyReusedException();
            }

            var replay = earlier.ResponseJson is { } json
                ? JsonSerializer.Deserialize<TResponse>(json, Json)
                : default;
            context.MarkReplayed();
            return replay ?? throw InFlight();
        }

        var response = await next(message, cancellationToken);
        await store.CompleteAsync(
            caller,
            key,
            JsonSerializer.Serialize(response, Json),
            cancellationToken
        );
        return response;
    }

    private static string Hash(TMessage message) =>
        Convert.ToHexStringLower(
            SHA256.HashData(
                Encoding.UTF8.GetBytes(
                    message.GetType().FullName + JsonSerializer.Serialize(message, Json)
                )
            )
        );

    private static Ledger.Domain.Common.BusinessRuleViolationException InFlight() =>
        new(
            "idempotency.in-flight",
            "A request with this Idempotency-Key is still being processed; retry it later."
        );
}
