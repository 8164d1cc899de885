using Ledger.Application.Common.Idempotency;
using Ledger.Application.Groups;
using Ledger.Application.Settlements.Commands.RecordSettlement;
using Ledger.Domain.Balances;
using Ledger.Domain.Monetary;

namespace Ledger.Application.Settlements.Commands.SettleUp;

/// <summary>
/// Pays the suggested transfer from one member to another in one step: records a settlement
/// of exactly its amount, with the same rules as recording one by hand (sent on, in the same
/// transaction). 404 when the balances suggest no such transfer, also to every loser of a race.
/// </summary>
public sealed record SettleUp(GroupId GroupId, UserId FromUserId, UserId ToUserId, string Currency)
    : ICommand<SettlementDto>,
        IRequiresAccess,
        IIdempotentCommand
{
    public Access Access => Access.GroupMember(GroupId, PartnerUse.Write);
}

public sealed class SettleUpValidator : AbstractValidator<SettleUp>
{
    public SettleUpValidator()
    {
        RuleFor(c => c.FromUserId.Value).NotEmpty().OverridePropertyName("fromUserId");
        RuleFor(c => c.ToUserId.Value).NotEmpty().OverridePropertyName("toUserId");
        RuleFor(c => c.Currency).MustBeACurrencyCode();
    }
}

public sealed class SettleUpHandler(IApplicationDbContext db, ISender sender)
    : ICommandHandler<SettleUp, SettlementDto>
{
    public async ValueTask<SettlementDto> Handle(
        SettleUp command,
        CancellationToken cancellationToken
    )
    {
        // Racing settle-ups of one transfer run one after another: the first pays it, the rest
        // read the balances it left, find no such transfer and all answer 404 (issue 20 item 13),
        // instead of some passing this check on stale balances and failing later with a 400.
        await db.LockGroupAgainstMembershipChangesAsync(command.GroupId, cancellationToken);
        await db.LockBalancesAsync(
            command.GroupId,
            command.Currency,
            [command.FromUserId, command.ToUserId],
            cancellationToken
        );
        var rows = await db
            .MemberBalances.AsNoTracking()
            .Where(b => b.GroupId == command.GroupId && b.Currency == command.Currency)
            .Select(b => new MemberNet(b.UserId, b.Currency, b.NetMinorUnits))
            .ToListAsync(cancellationToken);
        var transfer =
            DebtSimplifier
                .Simplify(rows)
                .FirstOrDefault(t => t.From == command.FromUserId && t.To == command.ToUserId)
            ?? throw new NotFoundException("suggested transfer");

        return await sender.Send(
            new RecordSettlement.RecordSettlement(
                command.GroupId,
                transfer.From,
                transfer.To,
                command.Currency,
                Money
                    .FromMinorUnits(transfer.AmountMinorUnits, command.Currency)
                    .ToCanonicalString()
            ),
            cancellationToken
        );
    }
}
