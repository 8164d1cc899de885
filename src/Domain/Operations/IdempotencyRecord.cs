namespace Ledger.Domain.Operations;

/// <summary>
/// A money-creating request a caller sent with an Idempotency-Key: the hash of what was asked
/// and the answer given, so that a retry gets the same answer instead of a second record.
/// Written by raw SQL in the request's own transaction (see the idempotency behaviour); this
/// class maps the table for the model and the purge.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int CallerMaxLength = 110;
    public const int KeyMaxLength = 255;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private IdempotencyRecord()
    {
        Caller = string.Empty;
        Key = string.Empty;
        RequestHash = string.Empty;
    }

    /// <summary>"user:{id}" or "client:{id}": keys of different callers never meet.</summary>
    public string Caller { get; private init; }
    public string Key { get; private init; }

    /// <summary>SHA-256 of the request, hex.</summary>
    public string RequestHash { get; private init; }

    /// <summary>The first answer's body; set before the transaction commits.</summary>
    public string? ResponseJson { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset ExpiresAt { get; private init; }
}
