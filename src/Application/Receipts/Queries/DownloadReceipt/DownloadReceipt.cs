namespace Ledger.Application.Receipts.Queries.DownloadReceipt;

/// <summary>An attached receipt's bytes and type, for those who may read the group (else 404).</summary>
public sealed record DownloadReceipt(GroupId GroupId, ExpenseId ExpenseId, ReceiptId ReceiptId)
    : IQuery<ReceiptContent>,
        IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Read);
}

public sealed record ReceiptContent(Stream Content, string ContentType, ReceiptId Id);

public sealed class DownloadReceiptHandler(IApplicationDbContext db, IReceiptStore store)
    : IQueryHandler<DownloadReceipt, ReceiptContent>
{
    public async ValueTask<ReceiptContent> Handle(
        DownloadReceipt query,
        CancellationToken cancellationToken
    )
    {
        var receipt =
            await db
                .Receipts.AsNoTracking()
                .SingleOrDefaultAsync(
                    r =>
                        r.GroupId == query.GroupId
                        && r.ExpenseId == query.ExpenseId
                        && r.Id == query.ReceiptId
                        && r.Detached == null,
                    cancellationToken
                )
            ?? throw new NotFoundException(ReceiptAudit.ReceiptRecord);
        var content =
            store.Open(receipt.Sha256) ?? throw new NotFoundException(ReceiptAudit.ReceiptRecord);
        return new ReceiptContent(content, receipt.ContentType, receipt.Id);
    }
}
