using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Idempotency;
using Ledger.Application.Common.Interfaces;
using Ledger.Application.Common.Messaging;
using Ledger.Application.Groups;
using Ledger.Application.Settlements.Commands.RecordSettlement;
using Ledger.Domain.Balances;
using Ledger.Domain.Common;
using Ledger.Domain.Monetary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Application.Settlements.Commands.SettleUp;

/// <summary>
/// Pays the suggested transfer from one member to another in one step: records a settlement
/// of exactly its amount, with the same rules as recording one by hand (sent on, in the same
/// transaction). 404 when the balances suggest no such transfer.
/// </summary>
public sealed record SettleUp(GroupId GroupId, UserId FromUserId, UserId ToUserId, string Currency)
    : ICommand<SettlementDto>,
        IGroupScoped,
        IGroupWrite,
        IIdempotentCommand
{
    public GroupAccess RequiredAccess => GroupAccess.Member;
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
