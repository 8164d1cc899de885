using Ledger.Domain.Common;

namespace Ledger.Domain.Recurrence;

/// <summary>
/// One member's part in a recurring expense's template: what they pay each time, and their part
/// of the split (in the split for equal splits, an amount for exact ones, a weight for
/// percentages and shares). Kept in the split's order: equal splits give leftover minor units
/// to the first members.
/// </summary>
public sealed record TemplateMember(
    UserId Member,
    long PaidMinorUnits,
    bool InSplit,
    long? OwedMinorUnits = null,
    decimal? Weight = null
);
