namespace Ledger.Application.Common.Idempotency;

/// <summary>
/// A command that creates a money record: sent with an Idempotency-Key, a retry returns the
/// first answer instead of recording the money twice.
/// </summary>
public interface IIdempotentCommand;

/// <summary>
/// The Idempotency-Key of the current request (set by the HTTP layer) and whether the answer
/// was replayed. Scoped to the request; the key belongs to the first idempotent command that
/// asks for it, so a command it sends on does not claim it a second time, while a retried
/// attempt of the same command (a transient failure) claims it again.
/// </summary>
public sealed class IdempotencyContext
{
    private string? _key;
    private object? _owner;

    public bool Replayed { get; private set; }

    public void Use(string key) => _key = key;

    public string? KeyFor(object message)
    {
        _owner ??= message;
        return ReferenceEquals(_owner, message) ? _key : null;
    }

    public void MarkReplayed() => Replayed = true;
}

/// <summary>The idempotency_keys table, written inside the caller's transaction.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// In one statement (ADR 0071): holds the key until the transaction ends (not held: another
    /// transaction holds it, the same request still running) and, when held, inserts the key (or
    /// takes over an expired one) on its unique constraint; when the key is taken, answers what
    /// was stored for it.
    /// </summary>
    Task<IdempotencyClaim> ClaimAsync(
        string caller,
        string key,
        string requestHash,
        DateTimeOffset now,
        CancellationToken cancellationToken
    );

    Task CompleteAsync(
        string caller,
        string key,
        string responseJson,
        CancellationToken cancellationToken
    );
}

/// <summary>
/// The outcome of claiming a key: not held (another transaction holds it), claimed (this
/// request is the first: <see cref="Earlier"/> is null) or taken by an earlier request.
/// </summary>
public sealed record IdempotencyClaim(bool Held, StoredIdempotentRequest? Earlier)
{
    public static readonly IdempotencyClaim NotHeld = new(false, null);

    public static readonly IdempotencyClaim Claimed = new(true, null);
}

/// <summary>What an earlier request with the same key asked and answered.</summary>
public sealed record StoredIdempotentRequest(string RequestHash, string? ResponseJson);

/// <summary>The key was used before for a different request (HTTP 422).</summary>
public sealed class IdempotencyKeyReusedException()
    : Exception("This Idempotency-Key was already used for a different request.");
