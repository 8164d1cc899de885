using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;

namespace Ledger.Application.DataTransfer;

/// <summary>The file formats an import reads.</summary>
public static class ImportFormats
{
    /// <summary>A Splitwise CSV export: Date,Description,Category,Cost,Currency,&lt;one column per person&gt;.</summary>
    public const string Splitwise = "splitwise";

    /// <summary>Ledger's own JSON group export (<see cref="GroupExportDocument"/>).</summary>
    public const string Ledger = "ledger";

    public const int MaxContentLength = 2 * 1024 * 1024;
    public const int MaxRows = 5000;
    public const int MaxPeople = 50;
}

/// <summary>Something wrong with the file, by line (1 = the header) and column where known.</summary>
public sealed record ImportProblem(int Line, string? Column, string Message)
{
    public string Key => Column is null ? $"line {Line}" : $"line {Line}, {Column}";
}

/// <summary>One expense the import would create, named by the line it came from.</summary>
public sealed record PlannedExpense(int Line, string ImportId, ExpenseDetails Details);

/// <summary>
/// What a file would become: the expenses (checked against the domain's rules with the group's
/// members) or every problem, each by line and column. Building a plan changes nothing.
/// </summary>
public sealed class ImportPlan
{
    private static readonly string[] SplitwiseColumns =
    [
        "Date",
        "Description",
        "Category",
        "Cost",
        "Currency",
    ];

    private ImportPlan() { }

    public List<PlannedExpense> Expenses { get; } = [];
    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Lines left out on purpose (Splitwise's total row, rows where nobody owes anybody).</summary>
    public List<ImportProblem> Skipped { get; } = [];

    public static ImportPlan Build(
        string format,
        string content,
        IReadOnlyDictionary<string, Guid> people,
        IReadOnlySet<UserId> members
    )
    {
        var plan = new ImportPlan();
        var fileKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[
            ..32
        ];
        switch (format)
        {
            case ImportFormats.Splitwise:
                plan.ReadSplitwise(content, fileKey, people, members);
                break;
            case ImportFormats.Ledger:
                plan.ReadLedger(content, people, members);
                break;
            default:
                plan.Problems.Add(new ImportProblem(0, "format", "splitwise or ledger."));
                break;
        }

        if (plan.Expenses.Count + plan.Problems.Count > ImportFormats.MaxRows)
        {
            plan.Problems.Add(
                new ImportProblem(0, null, $"An import has at most {ImportFormats.MaxRows} rows.")
            );
        }

        return plan;
    }

    private void ReadSplitwise(
        string content,
        string fileKey,
        IReadOnlyDictionary<string, Guid> people,
        IReadOnlySet<UserId> members
    )
    {
        using var csv = CsvReader.FromText(
            content,
            new CsvReaderOptions
            {
                HasHeader = true,
                TrackLineNumbers = true,
                SkipEmptyLines = true,
            }
        );
        csv.ReadHeader();
        var header = csv.Headers?.ToArray() ?? [];
        if (
            header.Length <= SplitwiseColumns.Length
            || !header
                .Take(SplitwiseColumns.Length)
                .SequenceEqual(SplitwiseColumns, StringComparer.OrdinalIgnoreCase)
        )
        {
            Problems.Add(
                new ImportProblem(
                    1,
                    null,
                    "The header is Date,Description,Category,Cost,Currency and one column per person."
                )
            );
            return;
        }

        var persons = header.Skip(SplitwiseColumns.Length).Select(p => p.Trim()).ToArray();
        if (persons.Length > ImportFormats.MaxPeople)
        {
            Problems.Add(new ImportProblem(1, null, $"At most {ImportFormats.MaxPeople} people."));
            return;
        }

        var mapped = new UserId?[persons.Length];
        for (var i = 0; i < persons.Length; i++)
        {
            var column = ColumnName(SplitwiseColumns.Length + i);
            if (!people.TryGetValue(persons[i], out var user))
            {
                Problems.Add(
                    new ImportProblem(1, column, "map this person to a member of the group.")
                );
            }
            else if (!members.Contains(UserId.From(user)))
            {
                Problems.Add(
                    new ImportProblem(
                        1,
                        column,
                        "the person is mapped to someone not in the group."
                    )
                );
            }
            else
            {
                mapped[i] = UserId.From(user);
            }
        }

        if (mapped.Distinct().Count() != mapped.Length)
        {
            Problems.Add(new ImportProblem(1, null, "Two people are mapped to the same member."));
        }

        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (Problems.Count + Expenses.Count + Skipped.Count > ImportFormats.MaxRows)
            {
                return;
            }

            var record = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (
                record.Length > 1
                && string.IsNullOrWhiteSpace(record[0])
                && record[1].Trim().Equals("Total balance", StringComparison.OrdinalIgnoreCase)
            )
            {
                Skipped.Add(new ImportProblem(line, null, "Splitwise's total balance line."));
                continue;
            }

            if (record.Length != header.Length)
            {
                Problems.Add(
                    new ImportProblem(
                        line,
                        null,
                        $"expected {header.Length} columns, found {record.Length}."
                    )
                );
                continue;
            }

            ReadSplitwiseRow(line, record, persons.Length, mapped, fileKey, members);
        }
    }

    private void ReadSplitwiseRow(
        int line,
        string[] record,
        int personCount,
        UserId?[] mapped,
        string fileKey,
        IReadOnlySet<UserId> members
    )
    {
        var problemsBefore = Problems.Count;
        DateOnly date = default;
        if (
            !DateOnly.TryParseExact(
                record[0].Trim(),
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out date
            )
        )
        {
            Problems.Add(new ImportProblem(line, "A (Date)", "a date is written yyyy-MM-dd."));
        }

        var description = record[1].Trim();
        if (description.Length is 0 or > Expense.DescriptionMaxLength)
        {
            Problems.Add(
                new ImportProblem(
                    line,
                    "B (Description)",
                    $"1 to {Expense.DescriptionMaxLength} characters."
                )
            );
        }

        var currency = record[4].Trim().ToUpperInvariant();
        if (!Iso4217.TryGetMinorUnits(currency, out _))
        {
            Problems.Add(new ImportProblem(line, "E (Currency)", "not an ISO 4217 currency code."));
            return;
        }

        var cost = Parse(line, "D (Cost)", record[3], currency, allowNegative: false);
        var nets = new Money?[personCount];
        for (var i = 0; i < personCount; i++)
        {
            var cell = record[SplitwiseColumns.Length + i].Trim();
            nets[i] =
                cell.Length == 0
                    ? Money.Zero(currency)
                    : Parse(
                        line,
                        ColumnName(SplitwiseColumns.Length + i),
                        cell,
                        currency,
                        allowNegative: true
                    );
        }

        if (Problems.Count > problemsBefore || cost is null || nets.Any(n => n is null))
        {
            return;
        }

        var sum = nets.Aggregate(Money.Zero(currency), (total, n) => total + n!);
        if (!sum.IsZero)
        {
            Problems.Add(
                new ImportProblem(
                    line,
                    null,
                    $"the person columns add up to {sum.ToCanonicalString()}, not 0: amounts are never adjusted."
                )
            );
            return;
        }

        var lent = nets.Where(n => n!.IsPositive).Aggregate(Money.Zero(currency), (t, n) => t + n!);
        if (lent.IsZero)
        {
            Skipped.Add(new ImportProblem(line, null, "nobody owes anybody on this line."));
            return;
        }

        if (lent > cost || !cost.IsPositive)
        {
            Problems.Add(
                new ImportProblem(
                    line,
                    "D (Cost)",
                    $"the cost is less than what was lent ({lent.ToCanonicalString()})."
                )
            );
            return;
        }

        if (mapped.Any(m => m is null))
        {
            return; // the header's problem already says which person is not mapped
        }

        // Splitwise keeps each person's net (paid minus owed). Those who lent paid their net
        // plus, for the first of them, the part of the cost nobody owes back (their own share);
        // those who borrowed owe their net. Balances come out exactly as in Splitwise.
        var ownShare = cost - lent;
        var payers = new List<MemberAmount>();
        var owed = new List<MemberAmount>();
        for (var i = 0; i < personCount; i++)
        {
            var net = nets[i]!;
            if (net.IsPositive)
            {
                var extra = payers.Count == 0 ? ownShare : Money.Zero(currency);
                payers.Add(new MemberAmount(mapped[i]!.Value, net + extra));
                if (extra.IsPositive)
                {
                    owed.Add(new MemberAmount(mapped[i]!.Value, extra));
                }
            }
            else if (net.IsNegative)
            {
                owed.Add(new MemberAmount(mapped[i]!.Value, -net));
            }
        }

        var details = new ExpenseDetails(
            description,
            SplitwiseCategory(record[2]),
            cost,
            date,
            payers,
            new ExactSplit(owed)
        );
        Add(line, $"sw:{fileKey}:{line}", details, members);
    }

    private void ReadLedger(
        string content,
        IReadOnlyDictionary<string, Guid> people,
        IReadOnlySet<UserId> members
    )
    {
        GroupExportDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<GroupExportDocument>(
                content,
                GroupExportWriter.Json
            );
        }
        catch (JsonException json)
        {
            Problems.Add(
                new ImportProblem(
                    (int)(json.LineNumber ?? 0) + 1,
                    json.Path,
                    "not a Ledger group export."
                )
            );
            return;
        }

        if (document is not { Format: GroupExportDocument.FormatName, Expenses: not null })
        {
            Problems.Add(new ImportProblem(1, "format", "not a Ledger group export."));
            return;
        }

        UserId? Map(Guid exported, string column)
        {
            var key = exported.ToString();
            if (people.TryGetValue(key, out var user) && members.Contains(UserId.From(user)))
            {
                return UserId.From(user);
            }

            Problems.Add(
                new ImportProblem(0, column, $"map person {key} to a member of the group.")
            );
            return null;
        }

        var index = 0;
        foreach (var expense in document.Expenses)
        {
            var at = $"expenses[{index++}]";
            if (expense.VoidedAt is not null)
            {
                Skipped.Add(new ImportProblem(0, at, "voided: balances ignore it."));
                continue;
            }

            var before = Problems.Count;
            try
            {
                var currency = expense.Currency;
                var payers = expense
                    .Payers.Select(p => (Map(p.UserId, at + ".payers"), p.Amount))
                    .ToList();
                var splits = expense
                    .Splits.Select(s => (Map(s.UserId, at + ".splits"), s.Owed))
                    .ToList();
                if (Problems.Count > before)
                {
                    continue;
                }

                var details = new ExpenseDetails(
                    expense.Description,
                    Enum.TryParse<ExpenseCategory>(expense.Category, true, out var category)
                        ? category
                        : ExpenseCategory.General,
                    Money.Parse(expense.Total, currency, "total"),
                    expense.Date,
                    payers
                        .Select(p => new MemberAmount(
                            p.Item1!.Value,
                            Money.Parse(p.Amount, currency)
                        ))
                        .ToArray(),
                    new ExactSplit(
                        splits
                            .Where(s => Money.Parse(s.Owed, currency).IsPositive)
                            .Select(s => new MemberAmount(
                                s.Item1!.Value,
                                Money.Parse(s.Owed, currency)
                            ))
                            .ToArray()
                    ),
                    Note: expense.Note
                );
                Add(0, $"lg:{expense.Id:N}", details, members, at);
            }
            catch (DomainValidationException invalid)
            {
                Problems.Add(new ImportProblem(0, at, invalid.Message));
            }
        }

        // Settlements and split payments move balances as a payment from one member to another:
        // recorded as a payment expense (the payer paid, the receiver owes it), so the imported
        // group's balances equal the exported ones.
        index = 0;
        foreach (var settlement in document.Settlements ?? [])
        {
            var at = $"settlements[{index++}]";
            if (settlement.VoidedAt is not null || settlement.Status != "confirmed")
            {
                Skipped.Add(new ImportProblem(0, at, "not a confirmed settlement."));
                continue;
            }

            AddPayment(
                at,
                $"lg:{settlement.Id:N}",
                settlement.FromUserId,
                settlement.ToUserId,
                settlement.Currency,
                settlement.Amount,
                DateOnly.FromDateTime(settlement.RecordedAt.UtcDateTime),
                Map,
                members
            );
        }

        index = 0;
        foreach (var payment in document.SplitPayments ?? [])
        {
            var at = $"splitPayments[{index++}]";
            if (payment.VoidedAt is not null)
            {
                Skipped.Add(new ImportProblem(0, at, "voided."));
                continue;
            }

            AddPayment(
                at,
                $"lg:{payment.Id:N}",
                payment.DebtorUserId,
                payment.PayeeUserId,
                payment.Currency,
                payment.Amount,
                DateOnly.FromDateTime(payment.PaidAt.UtcDateTime),
                Map,
                members
            );
        }
    }

    private void AddPayment(
        string at,
        string importId,
        Guid from,
        Guid to,
        string currency,
        string amountText,
        DateOnly date,
        Func<Guid, string, UserId?> map,
        IReadOnlySet<UserId> members
    )
    {
        try
        {
            if (map(from, at) is not { } payer || map(to, at) is not { } receiver)
            {
                return;
            }

            var amount = Money.Parse(amountText, currency, "amount");
            var details = new ExpenseDetails(
                "Payment",
                ExpenseCategory.Other,
                amount,
                date,
                [new MemberAmount(payer, amount)],
                new ExactSplit([new MemberAmount(receiver, amount)])
            );
            Add(0, importId, details, members, at);
        }
        catch (DomainValidationException invalid)
        {
            Problems.Add(new ImportProblem(0, at, invalid.Message));
        }
    }

    /// <summary>Checks the expense against the domain's rules now, so a dry run names every problem.</summary>
    private void Add(
        int line,
        string importId,
        ExpenseDetails details,
        IReadOnlySet<UserId> members,
        string? column = null
    )
    {
        try
        {
            var probe = members.First();
            Expense.Create(
                GroupId.From(Guid.Empty),
                details,
                Actor.User(probe),
                members,
                DateTimeOffset.UnixEpoch,
                importId
            );
            Expenses.Add(new PlannedExpense(line, importId, details));
        }
        catch (DomainValidationException invalid)
        {
            Problems.Add(new ImportProblem(line, column, invalid.Message));
        }
    }

    private Money? Parse(int line, string column, string text, string currency, bool allowNegative)
    {
        try
        {
            return Money.Parse(text.Trim(), currency, "amount", allowNegative);
        }
        catch (DomainValidationException invalid)
        {
            Problems.Add(
                new ImportProblem(
                    line,
                    column,
                    invalid.Message.Replace("amount: ", "", StringComparison.Ordinal)
                )
            );
            return null;
        }
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static ExpenseCategory SplitwiseCategory(string category) =>
        category.Trim().ToLowerInvariant() switch
        {
            "general" => ExpenseCategory.General,
            "groceries" => ExpenseCategory.Groceries,
            "rent" or "mortgage" => ExpenseCategory.Rent,
            "electricity"
            or "heat/gas"
            or "water"
            or "tv/phone/internet"
            or "trash"
            or "utilities - other" => ExpenseCategory.Utilities,
            "household supplies" or "furniture" or "maintenance" or "cleaning" or "home - other" =>
                ExpenseCategory.Household,
            "dining out" or "liquor" or "food and drink - other" => ExpenseCategory.Dining,
            "bus/train"
            or "car"
            or "gas/fuel"
            or "parking"
            or "taxi"
            or "bicycle"
            or "transportation - other" => ExpenseCategory.Transport,
            "plane" or "hotel" => ExpenseCategory.Travel,
            "games" or "movies" or "music" or "sports" or "entertainment - other" =>
                ExpenseCategory.Entertainment,
            "medical expenses" => ExpenseCategory.Health,
            "gifts" => ExpenseCategory.Gifts,
            "payment" => ExpenseCategory.Other,
            _ => ExpenseCategory.General,
        };
}
