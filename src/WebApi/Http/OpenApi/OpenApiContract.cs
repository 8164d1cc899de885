using System.Text.RegularExpressions;

namespace Ledger.WebApi.Http.OpenApi;

/// <summary>
/// The one mapping from endpoint metadata to the published contract (ADR 0040). A new endpoint
/// is documented by construction: its summary comes from its name ("ListExpenses" becomes "List
/// expenses"), its security from its authorization metadata and route, its 4xx answers from its
/// method, parameters, body, filters and rate-limit policy. The tables below only refine wording;
/// nothing here has to be edited for an endpoint to be complete.
/// </summary>
public static partial class OpenApiContract
{
    public const string SecurityScheme = "oauth2";
    public const string ReadScope = "ledger.read";
    public const string WriteScope = "ledger.write";
    public const string AdminScope = "ledger.admin";

    /// <summary>What each tag groups; a tag without an entry here gets a generic line.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Account"] =
            "Registration, email confirmation and password reset (anonymous, rate limited), and the caller's own account.",
        ["Groups"] =
            "Households (groups), their members, roles and invites, archiving and deletion.",
        ["Expenses"] =
            "A group's expenses. Amounts are strings such as \"12.50\"; an expense is voided, never deleted.",
        ["Recurring expenses"] =
            "Templates that the worker turns into normal expenses as their dates come.",
        ["Balances"] = "Who owes whom in a group, derived from expenses and settlements.",
        ["Settlements"] =
            "Payments between members (recorded, confirmed, declined, voided) and payments of single splits.",
        ["Lists"] = "Shared shopping lists and their items, with a change feed.",
        ["Chores"] = "Recurring household chores, their assignments and history.",
        ["Receipts"] = "Receipt images attached to expenses.",
        ["Export and import"] = "A group's data as a file, and importing one into a group.",
        ["Integrations"] =
            "Grants that let a partner client (client credentials) read or write one group.",
        ["Webhooks"] = "Subscriptions that deliver a group's events to a partner's URL.",
        ["Admin"] = "Partner clients, for platform admins only.",
        ["Operations"] = "Background jobs, for platform admins only.",
    };

    /// <summary>Summaries where the endpoint's name does not read well; every other one is derived.</summary>
    private static readonly Dictionary<string, string> Summaries = new()
    {
        ["ListMyGroups"] = "List my groups",
        ["GetMe"] = "Get my account",
        ["UpdateMe"] = "Update my account",
        ["DeleteMe"] = "Delete my account",
        ["ExportMyData"] = "Export my data",
        ["RestoreArchivedGroup"] = "Unarchive a group",
        ["GetListChanges"] = "Get a list's changes since a point",
        ["CheckBalanceConsistency"] = "Check a group's balances against its records",
    };

    /// <summary>Behaviour a client cannot guess from the shapes; the generated notes follow it.</summary>
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["CreateExpense"] =
            "Amounts are strings in the currency's decimals (\"12.50\"); a JSON number where an amount belongs is a 400 naming the field.",
        ["CreateExpenseFromList"] = "Bought items of a list become one item-based expense.",
        ["UpdateExpense"] =
            "Replaces the whole expense. Send the version you read in If-Match or as `version` in the body.",
        ["VoidExpense"] =
            "There is no DELETE for expenses: a voided expense stays readable, so no request can remove a financial record.",
        ["DeleteMe"] =
            "Anonymizes the account after checking the current password; 409 while a balance is open or a group would lose its last owner.",
        ["ImportIntoGroup"] =
            "Imports a file into the group (owners). `dryRun=true` answers what would be created and every problem by line and column, writing nothing. The real run creates everything in one transaction or nothing (400 naming the lines); rows imported before are not created again.",
        ["GetListChanges"] = "What changed since revision `since` (0 or absent: the whole list).",
        ["CheckBalanceConsistency"] =
            "Recomputes the balances from the whole history: an operations check, for owners.",
        ["ListRecurringExpenses"] =
            "Cursor-paged like every other list: pass `nextCursor` back as `cursor` until it is null.",
        ["PreviewRecurringExpense"] =
            "The dates of the next occurrences (10 by default, at most 100).",
    };

    /// <summary>Property names that hold money amounts (decimal strings): they get an example.</summary>
    [GeneratedRegex(
        "^(amount|total|price|owed|net|paid|splitPaid|[a-z]+(Amount|Total|Price|Owed|Paid))$"
    )]
    public static partial Regex MoneyProperty();

    public const string MoneyExample = "12.50";

    public static string Summary(string? endpointName, string method, string path) =>
        endpointName is null ? $"{method} {path}"
        : Summaries.TryGetValue(endpointName, out var summary) ? summary
        : Humanize(endpointName);

    public static string? Description(string? endpointName) =>
        endpointName is not null && Descriptions.TryGetValue(endpointName, out var description)
            ? description
            : null;

    /// <summary>"ListRecurringExpenses" → "List recurring expenses".</summary>
    public static string Humanize(string name)
    {
        var words = Words().Matches(name).Select(m => m.Value.ToLowerInvariant()).ToList();
        if (words.Count == 0)
        {
            return name;
        }

        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    [GeneratedRegex("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")]
    private static partial Regex Words();
}
