namespace Ledger.Domain.Expenses;

/// <summary>How an expense's total is divided among members (see the matching <see cref="SplitRule"/>).</summary>
public enum SplitType
{
    /// <summary>Equal parts among the chosen members.</summary>
    Equal = 0,

    /// <summary>Given amounts that add up to the total.</summary>
    Exact = 1,

    /// <summary>Percentages (decimals allowed) that add up to 100.</summary>
    Percentage = 2,

    /// <summary>Integer or decimal shares, in proportion.</summary>
    Shares = 3,

    /// <summary>Each item's price owed by the member it was for; the rest split by another rule.</summary>
    ItemBased = 4,
}

/// <summary>How much of a split has been settled.</summary>
public enum SplitStatus
{
    Unpaid = 0,
    PartiallyPaid = 1,
    Paid = 2,
}
