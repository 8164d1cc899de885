using Ledger.Domain.Common;

namespace Ledger.Domain.Expenses;

/// <summary>
/// An image or PDF attached to an expense. The bytes live in the receipt store under their
/// SHA-256 (content-addressed, so two uploads of one file share it); this row says which expense
/// it belongs to, what it is and who attached it. Detaching keeps the row (and the audit event),
/// so the history shows what was attached; the file goes once no attached receipt names it.
/// </summary>
public sealed class Receipt
{
    public const int Sha256Length = 64;
    public const int ContentTypeMaxLength = 32;

    private Receipt()
    {
        Sha256 = string.Empty;
        ContentType = string.Empty;
    }

    public ReceiptId Id { get; private init; }
    public GroupId GroupId { get; private init; }
    public ExpenseId ExpenseId { get; private init; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes: the file's name in the store.</summary>
    public string Sha256 { get; private init; }

    public string ContentType { get; private init; }
    public long SizeBytes { get; private init; }
    public Actor UploadedBy { get; private init; }
    public DateTimeOffset UploadedAt { get; private init; }

    /// <summary>Who detached the receipt and when; null while it is attached.</summary>
    public Detachment? Detached { get; private set; }

    public bool IsDetached => Detached is not null;

    public static Receipt Attach(
        Expense expense,
        string sha256,
        string contentType,
        long sizeBytes,
        Actor by,
        DateTimeOffset now
    )
    {
        if (sha256.Length != Sha256Length || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainValidationException("receipt.hash", "A receipt needs its SHA-256.");
        }

        if (sizeBytes <= 0 || !by.IsKnown)
        {
            throw new DomainValidationException(
                "receipt.invalid",
                "A receipt needs bytes and an uploader."
            );
        }

        return new Receipt
        {
            Id = ReceiptId.New(),
            GroupId = expense.GroupId,
            ExpenseId = expense.Id,
            Sha256 = sha256,
            ContentType = contentType,
            SizeBytes = sizeBytes,
            UploadedBy = by,
            UploadedAt = now,
        };
    }

    public void Detach(Actor by, DateTimeOffset now)
    {
        if (IsDetached)
        {
            throw new BusinessRuleViolationException(
                "receipt.detached",
                "The receipt is already detached."
            );
        }

        Detached = new Detachment(now, by);
    }
}

/// <summary>
/// When and by whom a receipt was detached: an optional EF Core complex type onto the
/// <c>detached_at</c>, <c>detached_by_user_id</c> and <c>detached_by_client_id</c> columns.
/// </summary>
public sealed record Detachment
{
    internal Detachment(DateTimeOffset at, Actor by)
    {
        At = at;
        By = by;
    }

    private Detachment() { }

    public DateTimeOffset At { get; private init; }
    public Actor By { get; private init; }
}
