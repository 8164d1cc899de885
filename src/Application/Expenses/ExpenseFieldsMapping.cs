using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;

namespace Ledger.Application.Expenses;

/// <summary>
/// Turns validated client fields into the domain's <see cref="ExpenseDetails"/>. Every amount
/// is parsed with <see cref="Money.Parse"/> under the name of its field, so a value the
/// validator let through and the domain still refuses names the right field too.
/// </summary>
internal static class ExpenseFieldsMapping
{
    public static ExpenseDetails ToDetails(this IExpenseFields fields)
    {
        var currency = fields.Currency;
        return new ExpenseDetails(
            fields.Description,
            fields.Category,
            Money.Parse(fields.Total, currency, "total"),
            fields.Date,
            fields.Payers.Select((p, i) => Amount(p, currency, $"payers[{i}].amount")).ToArray(),
            ToRule(fields.Split, currency, "split"),
            fields.ListId is { } list ? ListId.From(list) : null,
            fields.Note
        );
    }

    private static SplitRule ToRule(SplitInput split, string currency, string field) =>
        split.Type switch
        {
            SplitType.Equal => new EqualSplit(
                (split.Members ?? []).Select(m => UserId.From(m)).ToArray()
            ),
            SplitType.Exact => new ExactSplit(
                (split.Amounts ?? [])
                    .Select((a, i) => Amount(a, currency, $"{field}.amounts[{i}].amount"))
                    .ToArray()
            ),
            SplitType.Percentage => new PercentageSplit(Weights(split)),
            SplitType.Shares => new SharesSplit(Weights(split)),
            SplitType.ItemBased => new ItemBasedSplit(
                (split.Items ?? [])
                    .Select(
                        (item, i) =>
                            new ItemCharge(
                                ListItemId.From(item.ItemId),
                                item.ForUserId is { } forUser ? UserId.From(forUser) : null,
                                Money.Parse(item.Price, currency, $"{field}.items[{i}].price")
                            )
                    )
                    .ToArray(),
                split.Rest is null ? null : ToRule(split.Rest, currency, $"{field}.rest")
            ),
            _ => throw new DomainValidationException(
                "split.type",
                $"{field}.type: not a known split type.",
                $"{field}.type"
            ),
        };

    private static MemberWeight[] Weights(SplitInput split) =>
        (split.Weights ?? [])
            .Select(w => new MemberWeight(UserId.From(w.UserId), w.Weight))
            .ToArray();

    private static MemberAmount Amount(MemberAmountInput input, string currency, string field) =>
        new(UserId.From(input.UserId), Money.Parse(input.Amount, currency, field));
}
