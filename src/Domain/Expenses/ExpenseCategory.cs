namespace Ledger.Domain.Expenses;

/// <summary>
/// The fixed set of expense categories. Stored and sent by name (camelCase in JSON), so the
/// numbers below only fix the order clients list them in; new categories go at the end.
/// </summary>
public enum ExpenseCategory
{
    /// <summary>Anything that fits nowhere else.</summary>
    General = 0,

    /// <summary>Food and everyday supplies.</summary>
    Groceries = 1,

    /// <summary>Cleaning products, furniture, repairs, household goods.</summary>
    Household = 2,

    /// <summary>Rent, mortgage, deposits.</summary>
    Rent = 3,

    /// <summary>Electricity, heating, water, internet, phone.</summary>
    Utilities = 4,

    /// <summary>Public transport, fuel, taxis, parking.</summary>
    Transport = 5,

    /// <summary>Restaurants, cafés, take-away.</summary>
    Dining = 6,

    /// <summary>Cinema, concerts, games, subscriptions.</summary>
    Entertainment = 7,

    /// <summary>Accommodation, flights, trips.</summary>
    Travel = 8,

    /// <summary>Pharmacy, doctor, sport.</summary>
    Health = 9,

    /// <summary>Presents for someone outside or inside the group.</summary>
    Gifts = 10,

    /// <summary>Explicitly uncategorised.</summary>
    Other = 11,
}
