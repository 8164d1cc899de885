using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Balances;

/// <summary>
/// A member's net balance in one currency of one group, in minor units (paid minus owed,
/// plus settlements). Maintained in the same transaction as every money change, never
/// recomputed from history on read.
/// </summary>
public sealed class MemberBalance
{
    private MemberBalance() => Currency = string.Empty;

    public MemberBalance(GroupId groupId, UserId userId, string currency)
    {
        GroupId = groupId;
        UserId = userId;
        Currency = currency;
    }

    public GroupId GroupId { get; private init; }
    public UserId UserId { get; private init; }
    public string Currency { get; private init; }
    public long NetMinorUnits { get; private set; }

    public bool IsSettled => NetMinorUnits == 0;

    public Money Net => Money.FromMinorUnits(NetMinorUnits, Currency);

    public MemberNet ToMemberNet() => new(UserId, Currency, NetMinorUnits);

    public void Add(long minorUnits) => NetMinorUnits = checked(NetMinorUnits + minorUnits);
}
