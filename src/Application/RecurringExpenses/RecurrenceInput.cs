using Ledger.Application.Expenses;
using Ledger.Domain.Expenses;
using Ledger.Domain.Recurrence;

namespace Ledger.Application.RecurringExpenses;

/// <summary>
/// When a recurring expense occurs, as clients say it: every <see cref="Interval"/> days, weeks
/// (on <see cref="Weekdays"/>, default the start's weekday), months or years from
/// <see cref="Start"/>, until <see cref="Until"/> or for <see cref="MaxOccurrences"/> at most
/// (not both), in the group's calendar.
/// </summary>
public sealed record RecurrenceInput(
    RecurrenceFrequency Frequency,
    int Interval,
    DateOnly Start,
    IReadOnlyList<DayOfWeek>? Weekdays = null,
    DateOnly? Until = null,
    int? MaxOccurrences = null
)
{
    /// <summary>The domain rule; it names what is wrong (400) when the input is inconsistent.</summary>
    public RecurrenceRule ToRule() =>
        RecurrenceRule.Create(Frequency, Interval, Start, Weekdays, Until, MaxOccurrences);

    public static RecurrenceInput From(RecurrenceRule rule) =>
        new(
            rule.Frequency,
            rule.Interval,
            rule.Start,
            rule.Frequency == RecurrenceFrequency.Weekly ? rule.Weekdays : null,
            rule.Until,
            rule.MaxOccurrences
        );
}

/// <summary>
/// What a client says about a recurring expense when it creates or replaces one: the fields of
/// the expenses it records (dated by the rule, never from a list) and its rule.
/// </summary>
public interface IRecurringExpenseFields : IExpenseFields
{
    RecurrenceInput Recurrence { get; }

    DateOnly IExpenseFields.Date => Recurrence?.Start ?? default;

    Guid? IExpenseFields.ListId => null;
}

/// <summary>The rules of <see cref="IRecurringExpenseFields"/>, for creating and replacing alike.</summary>
internal sealed class RecurringExpenseFieldsValidator : AbstractValidator<IRecurringExpenseFields>
{
    public RecurringExpenseFieldsValidator()
    {
        Include(new ExpenseFieldsValidator());
        RuleFor(c => c.Split.Type)
            .NotEqual(SplitType.ItemBased)
            .When(c => c.Split is not null)
            .WithMessage("A recurring expense is split equal, exact, percentage or shares.");
        RuleFor(c => c.Recurrence).NotNull().SetValidator(new RecurrenceInputValidator());
    }
}

internal sealed class RecurrenceInputValidator : AbstractValidator<RecurrenceInput>
{
    public RecurrenceInputValidator()
    {
        RuleFor(r => r.Frequency).IsInEnum();
        RuleFor(r => r.Interval).InclusiveBetween(1, RecurrenceRule.MaxInterval);
        RuleFor(r => r.Start)
            .InclusiveBetween(
                ExpenseFieldsValidator.EarliestDate,
                ExpenseFieldsValidator.LatestDate
            );
        RuleFor(r => r.Until)
            .GreaterThanOrEqualTo(r => r.Start)
            .LessThanOrEqualTo(ExpenseFieldsValidator.LatestDate)
            .When(r => r.Until is not null);
        RuleFor(r => r.MaxOccurrences)
            .InclusiveBetween(1, RecurrenceRule.MaxOccurrencesLimit)
            .When(r => r.MaxOccurrences is not null);
        RuleFor(r => r.MaxOccurrences)
            .Null()
            .When(r => r.Until is not null)
            .WithMessage("A rule ends on a date or after a number of occurrences, not both.");
        RuleForEach(r => r.Weekdays).IsInEnum();
        RuleFor(r => r.Weekdays)
            .Must(w => w is null || w.Count <= 7)
            .WithMessage("At most the seven weekdays.");
        RuleFor(r => r.Weekdays)
            .Empty()
            .When(r => r.Frequency != RecurrenceFrequency.Weekly)
            .WithMessage("Weekdays apply to weekly rules only.");
    }
}
