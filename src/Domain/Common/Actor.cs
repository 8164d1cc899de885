namespace Ledger.Domain.Common;

/// <summary>
/// Who did something: a signed-in user or a partner client (client credentials), never both.
/// Stored as two nullable columns so that either can be indexed and joined.
/// </summary>
public readonly record struct Actor
{
    public const int ClientIdMaxLength = 100;

    private Actor(UserId? userId, string? clientId)
    {
        UserId = userId;
        ClientId = clientId;
    }

    public UserId? UserId { get; }
    public string? ClientId { get; }

    public static Actor User(UserId userId) => new(userId, null);

    public static Actor Client(string clientId)
    {
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > ClientIdMaxLength)
        {
            throw new DomainValidationException("actor.client", "The client id is not valid.");
        }

        return new(null, clientId);
    }

    /// <summary>Rebuilds an actor from its two stored columns, checking exactly one is set.</summary>
    public static Actor From(UserId? userId, string? clientId) =>
        (userId, clientId) switch
        {
            ({ } user, null) => User(user),
            (null, { } client) => Client(client),
            _ => throw new DomainValidationException(
                "actor.invalid",
                "An actor is either a user or a client."
            ),
        };

    /// <summary>The default value names nobody; aggregates refuse it.</summary>
    public bool IsKnown => UserId is not null || ClientId is not null;

    public override string ToString() => UserId?.ToString() ?? $"client:{ClientId}";
}
