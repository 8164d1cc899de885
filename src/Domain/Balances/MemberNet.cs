using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Balances;

/// <summary>A member's net amount in one currency, in minor units: positive is owed to them.</summary>
public sealed record MemberNet(UserId Member, string Currency, long NetMinorUnits)
{
    public Money Net => Money.FromMinorUnits(NetMinorUnits, Currency);
}
