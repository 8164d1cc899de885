using System.Collections.Concurrent;
using System.Text.Json;
using FluentValidation.Results;
using Ledger.Application.Groups;
using Ledger.Domain.Expenses;
using Ledger.Domain.Monetary;

namespace Ledger.Application.Expenses;

/// <summary>
/// The shape of an expense's fields, checked all at once so a client sees every field to fix:
/// lengths, counts, known currency, and every amount readable in that currency. The money
/// rules that need the whole expense (payers and splits adding up to the total, members of the
/// group) are the domain's, which names the field as well.
/// </summary>
internal sealed class ExpenseFieldsValidator : AbstractValidator<IExpenseFields>
{
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public ExpenseFieldsValidator()
    {
        RuleFor(f => f.Description).NotEmpty().MaximumLength(Expense.DescriptionMaxLength);
        RuleFor(f => f.Note).MaximumLength(Expense.NoteMaxLength);
        RuleFor(f => f.Category).IsInEnum();
        RuleFor(f => f.Currency).MustBeACurrencyCode();
        RuleFor(f => f.Date).InclusiveBetween(EarliestDate, LatestDate);
        RuleFor(f => f.Payers)
            .NotEmpty()
            .Must(payers => payers is null || payers.Count <= Expense.MaxPayers)
            .WithMessage($"An expense has 1 to {Expense.MaxPayers} payers.");
        RuleForEach(f => f.Payers)
            .Custom((payer, context) => MemberRequired(payer.UserId, context, "userId"));
        RuleFor(f => f.Split).NotNull();
        RuleFor(f => f.ListId)
            .NotNull()
            .When(f => f.Split?.Type == SplitType.ItemBased)
            .WithMessage("An itemBased split needs the list its items come from.");

        When(
            f => Iso4217.TryGetMinorUnits(f.Currency ?? string.Empty, out _),
            () =>
            {
                RuleFor(f => f.Total)
                    .Custom(
                        (total, context) =>
                            AmountRules.Check(
                                total,
                                context.InstanceToValidate.Currency,
                                "Total",
                                context
                            )
                    );
                RuleForEach(f => f.Payers)
                    .Custom(
                        (payer, context) =>
                            AmountRules.Check(
                                payer.Amount,
                                context.InstanceToValidate.Currency,
                                $"{context.PropertyPath}.amount",
                                context
                            )
                    );
                RuleFor(f => f.Split!)
                    .SetValidator(fields => SplitInputValidator.For(fields.Currency))
                    .When(f => f.Split is not null);
            }
        );
    }

    internal static void MemberRequired<T>(Guid id, ValidationContext<T> context, string member)
    {
        if (id == Guid.Empty)
        {
            var path = AmountRules.CamelCasePath($"{context.PropertyPath}.{member}");
            context.AddFailure(new ValidationFailure(path, $"'{path}' must be a member's id."));
        }
    }
}

/// <summary>One split's fields; a split type reads only its own list.</summary>
internal sealed class SplitInputValidator : AbstractValidator<SplitInput>
{
    // Building a validator compiles its rules: done once per currency (only known ISO codes get
    // here, a few hundred at most), not once per request.
    private static readonly ConcurrentDictionary<string, SplitInputValidator> ByCurrency = new(
        StringComparer.Ordinal
    );

    private SplitInputValidator(string currency, bool allowItems)
    {
        RuleFor(s => s.Type)
            .IsInEnum()
            .Must(type => allowItems || type != SplitType.ItemBased)
            .WithMessage(
                "The rest of an itemBased split is split equal, exact, percentage or shares."
            );

        RuleFor(s => s.Members)
            .NotEmpty()
            .Must(m => m is null || m.Count <= SplitRule.MaxMembers)
            .WithMessage(MembersMessage)
            .When(s => s.Type == SplitType.Equal);
        RuleForEach(s => s.Members)
            .Must(m => m != Guid.Empty)
            .WithMessage("'{PropertyName}' must be a member's id.")
            .When(s => s.Type == SplitType.Equal);

        RuleFor(s => s.Amounts)
            .NotEmpty()
            .Must(a => a is null || a.Count <= SplitRule.MaxMembers)
            .WithMessage(MembersMessage)
            .When(s => s.Type == SplitType.Exact);
        RuleForEach(s => s.Amounts)
            .Custom(
                (entry, context) =>
                {
                    ExpenseFieldsValidator.MemberRequired(entry.UserId, context, "userId");
                    AmountRules.Check(
                        entry.Amount,
                        currency,
                        $"{context.PropertyPath}.amount",
                        context
                    );
                }
            )
            .When(s => s.Type == SplitType.Exact);

        RuleFor(s => s.Weights)
            .NotEmpty()
            .Must(w => w is null || w.Count <= SplitRule.MaxMembers)
            .WithMessage(MembersMessage)
            .When(s => s.Type is SplitType.Percentage or SplitType.Shares);
        RuleForEach(s => s.Weights)
            .Custom(
                (entry, context) =>
                    ExpenseFieldsValidator.MemberRequired(entry.UserId, context, "userId")
            )
            .When(s => s.Type is SplitType.Percentage or SplitType.Shares);

        RuleFor(s => s.Items)
            .NotEmpty()
            .Must(i => i is null || i.Count <= ItemBasedSplit.MaxItems)
            .WithMessage($"An itemBased split has 1 to {ItemBasedSplit.MaxItems} items.")
            .When(s => s.Type == SplitType.ItemBased);
        RuleForEach(s => s.Items)
            .Custom(
                (item, context) =>
                {
                    ExpenseFieldsValidator.MemberRequired(item.ItemId, context, "itemId");
                    if (item.ForUserId is { } forUser)
                    {
                        ExpenseFieldsValidator.MemberRequired(forUser, context, "forUserId");
                    }

                    AmountRules.Check(
                        item.Price,
                        currency,
                        $"{context.PropertyPath}.price",
                        context
                    );
                }
            )
            .When(s => s.Type == SplitType.ItemBased);
        if (allowItems)
        {
            RuleFor(s => s.Rest!)
                .SetValidator(new SplitInputValidator(currency, allowItems: false))
                .When(s => s.Type == SplitType.ItemBased && s.Rest is not null);
        }

        RuleFor(s => s.Members)
            .Null()
            .WithMessage(OnlyFor("equal"))
            .When(s => s.Type != SplitType.Equal);
        RuleFor(s => s.Amounts)
            .Null()
            .WithMessage(OnlyFor("exact"))
            .When(s => s.Type != SplitType.Exact);
        RuleFor(s => s.Weights)
            .Null()
            .WithMessage(OnlyFor("percentage and shares"))
            .When(s => s.Type is not (SplitType.Percentage or SplitType.Shares));
        RuleFor(s => s.Items)
            .Null()
            .WithMessage(OnlyFor("itemBased"))
            .When(s => s.Type != SplitType.ItemBased);
        RuleFor(s => s.Rest)
            .Null()
            .WithMessage(OnlyFor("itemBased"))
            .When(s => s.Type != SplitType.ItemBased);
    }

    public static SplitInputValidator For(string currency) =>
        ByCurrency.GetOrAdd(currency, code => new SplitInputValidator(code, allowItems: true));

    private static string MembersMessage => $"A split has 1 to {SplitRule.MaxMembers} members.";

    private static string OnlyFor(string types) =>
        $"'{{PropertyName}}' is only for {types} splits.";
}

/// <summary>Checks amounts the way the domain reads them, reporting each under its field path.</summary>
internal static class AmountRules
{
    public static void Check<T>(
        string? text,
        string currency,
        string path,
        ValidationContext<T> context
    )
    {
        var field = CamelCasePath(path);
        try
        {
            Money.Parse(text, currency, field);
        }
        catch (DomainValidationException invalid)
        {
            context.AddFailure(new ValidationFailure(field, invalid.Message));
        }
    }

    /// <summary>"Split.Amounts[0].amount" → "split.amounts[0].amount", as the JSON names it.</summary>
    public static string CamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
