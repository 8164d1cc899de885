using FluentValidation;
using Ledger.Application.Common.Auditing;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Mediator;

namespace Ledger.Application.Settlements.Commands.ConfirmSplitPayment;

/// <summary>
/// The payee confirms a pending payment a partner recorded against a split: from now on it
/// settles the split and moves the balances (never beyond what the split still owes).
/// </summary>
public sealed record ConfirmSplitPayment(
    GroupId GroupId,
    ExpenseId ExpenseId,
    SettlementActivityId PaymentId,
    int ExpectedVersion
) : ICommand<SplitPaymentDto>, IRequiresAccess, IVersionedCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.None);
}

public sealed class ConfirmSplitPaymentValidator : AbstractValidator<ConfirmSplitPayment>
{
    public ConfirmSplitPaymentValidator() => RuleFor(c => c.ExpectedVersion).MustBeAVersion();
}

public sealed class ConfirmSplitPaymentHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<ConfirmSplitPayment, SplitPaymentDto>
{
    public async ValueTask<SplitPaymentDto> Handle(
        ConfirmSplitPayment command,
        CancellationToken cancellationToken
    )
    {
        var members = await GroupMembers.LockAndReadAsync(db, command.GroupId, cancellationToken);
        // The expense's lock orders this after payments in flight on its splits.
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
        var caller = principal.RequireUserId();
        SettlementPolicy.EnsureIsPayee(caller, activity.PayeeUserId);
        command.EnsureCurrent(activity, SettlementAudit.SplitPaymentRecord);

        var before = BalanceEffect.Of(activity);
        expense.ConfirmSplitPayment(activity, caller, clock.GetUtcNow());
        var change = BalanceEffect.Change(before, BalanceEffect.Of(activity));
        members.EnsureOnlyMembersAffected(change);
        await balances.ApplyAsync(command.GroupId, change, cancellationToken);
        audit.Record(
            SettlementAudit.SplitPaymentConfirmed,
            SettlementAudit.SplitPaymentRecord,
            activity.Id,
            activity.GroupId
        );
        return SplitPaymentDto.From(activity, expense.Splits.Single(s => s.Id == activity.SplitId));
    }
}
