using Ledger.Domain.Common;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.Expenses;

/// <summary>The checks of an expense's client-given fields, each naming the field at fault.</summary>
internal static class ExpenseInput
{
    internal static void RequireCategory(ExpenseCategory category)
    {
        if (!Enum.IsDefined(category))
        {
            throw Invalid("expense.category", "category", "not one of the known categories.");
        }
    }

    internal static Money RequireTotal(Money? total) =>
        total is { IsPositive: true }
            ? total
            : throw Invalid("expense.total", "total", "the total must be above 0.");

    internal static SplitRule RequireSplit(ExpenseDetails details)
    {
        var split = details.Split ?? throw Invalid("split.missing", "split", "say how to split.");
        if (split is ItemBasedSplit && details.List is null)
        {
            throw Invalid(
                "expense.list",
                "listId",
                "an item-based split needs the list its items come from."
            );
        }

        return split;
    }

    internal static IReadOnlyList<SplitPart> RequireMembers(
        IReadOnlyList<SplitPart> parts,
        IReadOnlySet<UserId> members
    ) =>
        parts.All(p => members.Contains(p.Member))
            ? parts
            : throw Invalid(
                "expense.not-member",
                "split",
                "everyone in the split is a member of the group."
            );

    internal static IReadOnlyList<MemberAmount> RequirePayers(
        IReadOnlyList<MemberAmount>? payers,
        Money total,
        IReadOnlySet<UserId> members
    )
    {
        if (payers is null || payers.Count is 0 or > Expense.MaxPayers)
        {
            throw Invalid(
                "expense.payers",
                "payers",
                $"an expense has 1 to {Expense.MaxPayers} payers."
            );
        }

        if (payers.Select(p => p.Member).Distinct().Count() != payers.Count)
        {
            throw Invalid("expense.duplicate-payer", "payers", "each payer appears once.");
        }

        if (payers.Any(p => p.Amount.Currency != total.Currency || !p.Amount.IsPositive))
        {
            throw Invalid(
                "expense.payer-amount",
                "payers",
                $"each payer paid above 0, in {total.Currency}."
            );
        }

        if (payers.Any(p => !members.Contains(p.Member)))
        {
            throw Invalid("expense.not-member", "payers", "every payer is a member of the group.");
        }

        var paid = payers.Aggregate(Money.Zero(total.Currency), (sum, p) => sum + p.Amount);
        if (paid != total)
        {
            throw Invalid(
                "expense.payers-sum",
                "payers",
                $"the payers paid {paid}, not the total {total}."
            );
        }

        return payers;
    }

    internal static string RequireDescription(string? description)
    {
        description = description?.Trim() ?? string.Empty;
        return description.Length is 0 or > Expense.DescriptionMaxLength
            ? throw Invalid(
                "expense.description",
                "description",
                $"1 to {Expense.DescriptionMaxLength} characters."
            )
            : description;
    }

    internal static string? RequireNote(string? note)
    {
        note = note?.Trim();
        return note is { Length: > Expense.NoteMaxLength }
                ? throw Invalid(
                    "expense.note",
                    "note",
                    $"at most {Expense.NoteMaxLength} characters."
                )
            : string.IsNullOrEmpty(note) ? null
            : note;
    }

    internal static DomainValidationException Invalid(string code, string field, string message) =>
        new(code, $"{field}: {message}", field);
}
