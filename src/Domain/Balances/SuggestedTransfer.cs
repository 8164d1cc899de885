using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Balances;

/// <summary>A payment that, with the others suggested, settles every balance in its currency.</summary>
public sealed record SuggestedTransfer(
    UserId From,
    UserId To,
    string Currency,
    long AmountMinorUnits
)
{
    public Money Amount => Money.FromMinorUnits(AmountMinorUnits, Currency);
}
