using Ledger.Application.Expenses;
using Ledger.Domain.Expenses;
using Microsoft.Extensions.Options;

namespace Ledger.Application.Receipts.Commands.UploadReceipt;

/// <summary>
/// Attaches a receipt (JPEG, PNG, WebP or PDF, judged by its bytes) to an expense: the expense's
/// creator or an owner, also on a voided expense (it keeps its receipts). The upload is read
/// once, within the byte ceiling, before anything is written; a rejected upload leaves nothing
/// on disk or in the database. The group's stored receipts stay within its quota.
/// </summary>
public sealed record UploadReceipt(GroupId GroupId, ExpenseId ExpenseId, Stream Content)
    : ICommand<ReceiptDto>,
        IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class UploadReceiptHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    IReceiptSanitizer sanitizer,
    IReceiptStore store,
    IOptions<ReceiptOptions> options,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<UploadReceipt, ReceiptDto>
{
    public async ValueTask<ReceiptDto> Handle(
        UploadReceipt command,
        CancellationToken cancellationToken
    )
    {
        var (_, expense, caller) = await ExpenseChange.OpenForChangerAsync(
            db,
            principal,
            command.GroupId,
            command.ExpenseId,
            ExpenseRead.ReadOnly,
            cancellationToken
        );

        var receipt = await sanitizer.SanitizeAsync(command.Content, cancellationToken);

        // Uploads to one group run one after another from here, so the quota holds under races.
        await db.LockReceiptQuotaAsync(command.GroupId, cancellationToken);
        var limits = options.Value;
        var attached = db.Receipts.Where(r => r.GroupId == command.GroupId && r.Detached == null);
        if (
            await attached.CountAsync(r => r.ExpenseId == command.ExpenseId, cancellationToken)
            >= limits.MaxPerExpense
        )
        {
            throw new PayloadTooLargeException(
                $"An expense has at most {limits.MaxPerExpense} receipts."
            );
        }

        var used = await attached.SumAsync(r => (long?)r.SizeBytes, cancellationToken) ?? 0;
        if (used + receipt.Bytes.LongLength > limits.GroupQuotaBytes)
        {
            throw new PayloadTooLargeException(
                $"The group's receipts would pass its quota of {limits.GroupQuotaBytes / (1024 * 1024)} MiB."
            );
        }

        // The file first: if the transaction then fails, the file is an orphan the purge removes.
        await store.SaveAsync(receipt.Sha256, receipt.Bytes, cancellationToken);
        var row = Receipt.Attach(
            expense,
            receipt.Sha256,
            receipt.ContentType,
            receipt.Bytes.LongLength,
            caller.Actor,
            clock.GetUtcNow()
        );
        db.Receipts.Add(row);
        audit.Record(ReceiptAudit.Attached, ReceiptAudit.ReceiptRecord, row.Id, row.GroupId);
        return ReceiptDto.From(row);
    }
}
