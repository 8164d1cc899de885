using Ledger.Domain.Expenses;

namespace Ledger.Application.Receipts;

/// <summary>A receipt as clients see it: never a path or a file name, only what it is.</summary>
public sealed record ReceiptDto(
    Guid Id,
    Guid ExpenseId,
    string ContentType,
    long SizeBytes,
    Guid? UploadedByUserId,
    DateTimeOffset UploadedAt
)
{
    public static ReceiptDto From(Receipt r) =>
        new(
            r.Id.Value,
            r.ExpenseId.Value,
            r.ContentType,
            r.SizeBytes,
            r.UploadedBy.UserId?.Value,
            r.UploadedAt
        );
}

public static class ReceiptAudit
{
    public const string ReceiptRecord = "receipt";
    public const string Attached = "receipt.attached";
    public const string Detached = "receipt.detached";
}
