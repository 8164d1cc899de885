using Ledger.Application.Common.Idempotency;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.MoneyRules;
using Ledger.Domain.Balances;
using Ledger.Domain.Monetary;
using Ledger.Domain.Settlements;

namespace Ledger.Application.Settlements.Commands.RecordSettlement;

/// <summary>
/// Records that one member paid another. Recorded by the payee it is confirmed and moves the
/// balances at once; recorded by the payer (or an owner, or a partner) it waits for the payee.
/// The over-settlement behaviour has locked both balances and checked the amount flips neither.
/// </summary>
public sealed record RecordSettlement(
    GroupId GroupId,
    UserId FromUserId,
    UserId ToUserId,
    string Currency,
    string Amount,
    string? Note = null
) : ICommand<SettlementDto>, IRequiresAccess, IMarksMoneyAsPaid, IIdempotentCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Write);

    public PaymentClaim Claim => new MemberPaymentClaim(FromUserId, ToUserId, Currency, Amount);
}

public sealed class RecordSettlementValidator : AbstractValidator<RecordSettlement>
{
    public RecordSettlementValidator()
    {
        RuleFor(c => c.FromUserId.Value).NotEmpty().OverridePropertyName("fromUserId");
        RuleFor(c => c.ToUserId.Value).NotEmpty().OverridePropertyName("toUserId");
        RuleFor(c => c.Currency).MustBeACurrencyCode();
        RuleFor(c => c.Note).MaximumLength(Settlement.NoteMaxLength);
        When(
            c => Iso4217.TryGetMinorUnits(c.Currency ?? string.Empty, out _),
            () =>
                RuleFor(c => c.Amount)
                    .Custom(
                        (amount, context) =>
                            AmountRules.Check(
                                amount,
                                context.InstanceToValidate.Currency,
                                "Amount",
                                context
                            )
                    )
        );
    }
}

public sealed class RecordSettlementHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    IBalanceWriter balances,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<RecordSettlement, SettlementDto>
{
    public async ValueTask<SettlementDto> Handle(
        RecordSettlement command,
        CancellationToken cancellationToken
    )
    {
        var (members, caller) = await ExpensePolicy.LockMembersAndCallerAsync(
            db,
            principal,
            command.GroupId,
            cancellationToken
        );
        SettlementPolicy.EnsureMayRecord(caller, command.FromUserId, command.ToUserId);

        var settlement = Settlement.Record(
            command.GroupId,
            command.FromUserId,
            command.ToUserId,
            Money.Parse(command.Amount, command.Currency),
            command.Note,
            caller.Actor,
            members.Ids,
            clock.GetUtcNow()
        );
        db.Settlements.Add(settlement);
        await balances.ApplyAsync(command.GroupId, BalanceEffect.Of(settlement), cancellationToken);
        audit.Record(
            SettlementAudit.Recorded,
            SettlementAudit.SettlementRecord,
            settlement.Id,
            settlement.GroupId
        );
        if (settlement.Counts)
        {
            audit.Record(
                SettlementAudit.Confirmed,
                SettlementAudit.SettlementRecord,
                settlement.Id,
                settlement.GroupId
            );
        }

        return SettlementDto.From(settlement);
    }
}
