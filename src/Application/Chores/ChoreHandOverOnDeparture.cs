using Ledger.Application.Common.Outbox;
using Ledger.Application.Groups;
using Ledger.Application.Groups.Specifications;
using Ledger.Domain.Groups;

namespace Ledger.Application.Chores;

/// <summary>
/// Hands a departed member's chores over whenever a membership ends — leaving, removal or
/// account deletion — in the transaction that ended it (ADR 0036). The commands ending
/// memberships do not call the hand-over themselves.
/// </summary>
public sealed class ChoreHandOverOnDeparture(IApplicationDbContext db, ChoreHandOver handOver)
    : IDomainEventHandler<MemberLeft>,
        IDomainEventHandler<MemberRemoved>
{
    public Task HandleAsync(MemberLeft domainEvent, CancellationToken cancellationToken) =>
        HandOverAsync(domainEvent.GroupId, domainEvent.UserId, cancellationToken);

    public Task HandleAsync(MemberRemoved domainEvent, CancellationToken cancellationToken) =>
        HandOverAsync(domainEvent.GroupId, domainEvent.UserId, cancellationToken);

    private async Task HandOverAsync(
        GroupId groupId,
        UserId departed,
        CancellationToken cancellationToken
    )
    {
        // The command that ended the membership tracks the group (and holds its lock): the
        // query resolves to that instance, whose membership has ended but is not saved yet.
        var group = await db.LoadAsync(new GroupWithMembershipsSpec(groupId), cancellationToken);
        await handOver.MemberLeftAsync(group, departed, cancellationToken);
    }
}
