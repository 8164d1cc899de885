using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Expenses;

/// <summary>An amount for one member: what a payer paid, or an exact share.</summary>
public sealed record MemberAmount(UserId Member, Money Amount);

/// <summary>A percentage or a number of shares for one member.</summary>
public sealed record MemberWeight(UserId Member, decimal Weight);

/// <summary>A bought list item whose price is owed by the member it was for.</summary>
/// <param name="For">The member who owes the price; null when the item was for everyone, so its
/// price is part of what the split's rest divides.</param>
public sealed record ItemCharge(ListItemId Item, UserId? For, Money Price);

/// <summary>One member's part of a total, as computed by a <see cref="SplitRule"/>.</summary>
/// <param name="Weight">The member's percentage or shares, for the rules that have them.</param>
public sealed record SplitPart(UserId Member, long OwedMinorUnits, decimal? Weight = null);
