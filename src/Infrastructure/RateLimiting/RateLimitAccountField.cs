namespace Ledger.Infrastructure.RateLimiting;

/// <summary>Where an endpoint reads the account a request is about.</summary>
public enum RateLimitAccountSource
{
    /// <summary>The query string (endpoints that bind the value from it).</summary>
    Query,

    /// <summary>A form field of a form-encoded body.</summary>
    Form,

    /// <summary>A top-level property of a JSON body.</summary>
    Json,
}

/// <summary>How the value read is turned into the account it names.</summary>
public enum RateLimitAccountKind
{
    /// <summary>An identifier, e.g. a user id: trimmed; a GUID in any spelling counts as one.</summary>
    Identifier,

    /// <summary>An email, normalised as Identity normalises it to find the user.</summary>
    Email,

    /// <summary>
    /// The OAuth token request: the presented authorization code or refresh token (only its hash
    /// is kept), or the client id of a client credentials grant. Other grants name no account.
    /// </summary>
    TokenGrant,
}

/// <summary>
/// Endpoint metadata: the field holding the account a request is about (e.g. the login email),
/// read from exactly where the endpoint reads it, for policies partitioned by
/// <see cref="RateLimitPartitionBy.Account"/>. A value elsewhere (a decoy in the query of a form
/// endpoint) is never looked at.
/// </summary>
public sealed class RateLimitAccountField(
    string name,
    RateLimitAccountSource source,
    RateLimitAccountKind kind = RateLimitAccountKind.Identifier
)
{
    public string Name { get; } = name;

    public RateLimitAccountSource Source { get; } = source;

    public RateLimitAccountKind Kind { get; } = kind;

    /// <summary>The token endpoint: per presented code or refresh token, per confidential client.</summary>
    public static RateLimitAccountField TokenRequest { get; } =
        new("grant_type", RateLimitAccountSource.Form, RateLimitAccountKind.TokenGrant);
}

/// <summary>
/// The hashed account key of the current request, set by the WebApi's account reader before the
/// rate limiter runs.
/// </summary>
public sealed class RateLimitAccount
{
    private RateLimitAccount(string key) => Key = key;

    public string Key { get; }

    /// <summary>The account key of a presented value (an email, a code): hashed, never in the clear.</summary>
    public static RateLimitAccount Hashed(string value) =>
        new(PartitionKeys.Hashed("account", value));
}
