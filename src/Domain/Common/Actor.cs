namespace Ledger.Domain.Common;

/// <summary>
/// Who did something: a signed-in user or a partner client (client credentials), never both.
/// Stored as two nullable columns (<c>…_user_id</c>, <c>…_client_id</c>) so that either can be
/// indexed and joined: an EF Core complex type on every record that names who made or changed it
/// (docs/decisions/0084), whose <c>ck_*_one_*</c> check constraints keep exactly one of them set.
/// </summary>
public readonly record struct Actor
{
    public const int ClientIdMaxLength = 100;

    private Actor(UserId? userId, string? clientId)
    {
        UserId = userId;
        ClientId = clientId;
    }

    public UserId? UserId { get; private init; }
    public string? ClientId { get; private init; }

    public static Actor User(UserId userId) => new(userId, null);

    public static Actor Client(string clientId)
    {
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > ClientIdMaxLength)
        {
            throw new DomainValidationException("actor.client", "The client id is not valid.");
        }

        return new(null, clientId);
    }

    /// <summary>The default value names nobody; aggregates refuse it.</summary>
    public bool IsKnown => UserId is not null || ClientId is not null;

    /// <summary>This actor, or the record's rule <paramref name="code"/> when it names nobody.</summary>
    internal Actor Require(string code, string message) =>
        IsKnown ? this : throw new DomainValidationException(code, message);

    public override string ToString() => UserId?.ToString() ?? $"client:{ClientId}";
}
