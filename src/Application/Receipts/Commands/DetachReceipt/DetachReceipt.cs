using Ledger.Application.Expenses;

namespace Ledger.Application.Receipts.Commands.DetachReceipt;

/// <summary>
/// Detaches a receipt from its expense (the expense's creator or an owner). The row stays with
/// who detached it and when, and the audit trail keeps the event; the file goes with the orphan
/// purge once no attached receipt names it.
/// </summary>
public sealed record DetachReceipt(GroupId GroupId, ExpenseId ExpenseId, ReceiptId ReceiptId)
    : ICommand,
        IRequiresAccess
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class DetachReceiptHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<DetachReceipt>
{
    public async ValueTask<Unit> Handle(DetachReceipt command, CancellationToken cancellationToken)
    {
        var (_, _, caller) = await ExpenseChange.OpenForChangerAsync(
            db,
            principal,
            command.GroupId,
            command.ExpenseId,
            ExpenseRead.ReadOnly,
            cancellationToken
        );
        var receipt =
            await db.Receipts.SingleOrDefaultAsync(
                r =>
                    r.GroupId == command.GroupId
                    && r.ExpenseId == command.ExpenseId
                    && r.Id == command.ReceiptId
                    && r.Detached == null,
                cancellationToken
            ) ?? throw new NotFoundException(ReceiptAudit.ReceiptRecord);
        receipt.Detach(caller.Actor, clock.GetUtcNow());
        audit.Record(
            ReceiptAudit.Detached,
            ReceiptAudit.ReceiptRecord,
            receipt.Id,
            receipt.GroupId
        );
        return Unit.Value;
    }
}
