using FluentValidation;
using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Domain.Audit;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Mediator;

namespace Ledger.Application.Settlements.Commands.VoidSplitPayment;

/// <summary>
/// An owner voids a payment against a split: the split owes it again (its status moves back)
/// and the balances move back, in one transaction; the payment stays readable with the reason.
/// </summary>
public sealed record VoidSplitPayment(
    GroupId GroupId,
    ExpenseId ExpenseId,
    SettlementActivityId PaymentId,
    string Reason,
    int ExpectedVersion
) : ICommand<SplitPaymentDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.GroupOwner(GroupId);
}

public sealed class VoidSplitPaymentValidator : AbstractValidator<VoidSplitPayment>
{
    public VoidSplitPaymentValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(AuditEvent.ReasonMaxLength);
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class VoidSplitPaymentHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<VoidSplitPayment, SplitPaymentDto>
{
    public async ValueTask<SplitPaymentDto> Handle(
        VoidSplitPayment command,
        CancellationToken cancellationToken
    )
    {
        var members = await GroupMembers.LockAndReadAsync(db, command.GroupId, cancellationToken);
        // The expense's lock orders this void after payments in flight on its splits.
        var expense = await db.LockAndLoadExpenseAsync(
            command.GroupId,
            command.ExpenseId,
            cancellationToken
        );
        var activity = await db.LoadSplitPaymentAsync(
            command.GroupId,
            command.ExpenseId,
            command.PaymentId,
            cancellationToken
        );
        command.EnsureCurrent(activity, SettlementAudit.SplitPaymentRecord);

        var before = BalanceEffect.Of(activity);
        expense.VoidSplitPayment(
            activity,
            Actor.User(principal.RequireUserId()),
            command.Reason,
            clock.GetUtcNow()
        );
        var change = BalanceEffect.Change(before, BalanceEffect.Of(activity));
        members.EnsureOnlyMembersAffected(change);
        await balances.ApplyAsync(command.GroupId, change, cancellationToken);
        audit.Record(
            SettlementAudit.SplitPaymentVoided,
            SettlementAudit.SplitPaymentRecord,
            activity.Id,
            activity.GroupId,
            activity.VoidReason
        );
        return SplitPaymentDto.From(activity, expense.Splits.Single(s => s.Id == activity.SplitId));
    }
}
