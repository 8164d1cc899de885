using Ledger.Domain.Chores;

namespace Ledger.Application.Chores;

/// <summary>Validation rules shared by the chore use cases; the domain checks them again.</summary>
public static class ChoreRules
{
    public static IRuleBuilderOptions<T, string> MustBeAChoreName<T>(
        this IRuleBuilder<T, string> rule
    ) => rule.NotEmpty().MaximumLength(Chore.NameMaxLength);

    public static IRuleBuilderOptions<T, string?> MustBeAChoreDescription<T>(
        this IRuleBuilder<T, string?> rule
    ) => rule.MaximumLength(Chore.DescriptionMaxLength);

    public static IRuleBuilderOptions<T, IReadOnlyList<UserId>?> MustBeParticipants<T>(
        this IRuleBuilder<T, IReadOnlyList<UserId>?> rule
    ) =>
        rule.Must(ids =>
                ids is null
                || (ids.Count <= Chore.MaxParticipants && ids.All(id => id.Value != Guid.Empty))
            )
            .WithMessage($"'{{PropertyName}}' names 1 to {Chore.MaxParticipants} members.");

    public static IRuleBuilderOptions<T, ChoreAssignmentId> MustBeAnAssignmentId<T>(
        this IRuleBuilder<T, ChoreAssignmentId> rule
    ) => rule.Must(id => id.Value != Guid.Empty).WithMessage("'{PropertyName}' is required.");
}

/// <summary>A frequency names exactly the field its kind needs, within range.</summary>
public sealed class FrequencyValidator : AbstractValidator<FrequencyDto>
{
    public FrequencyValidator()
    {
        RuleFor(f => f.Kind).IsInEnum();
        RuleFor(f => f.Weekdays)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(days => days!.Count <= 7 && days.All(Enum.IsDefined))
            .When(f => f.Kind == FrequencyKind.Weekly);
        RuleFor(f => f.Weekdays).Null().When(f => f.Kind != FrequencyKind.Weekly);
        RuleFor(f => f.DayOfMonth)
            .NotNull()
            .InclusiveBetween(1, 31)
            .When(f => f.Kind == FrequencyKind.Monthly);
        RuleFor(f => f.DayOfMonth).Null().When(f => f.Kind != FrequencyKind.Monthly);
        RuleFor(f => f.IntervalDays)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .InclusiveBetween(1, ChoreFrequency.MaxIntervalDays)
            .When(f => f.Kind == FrequencyKind.EveryNDays);
        RuleFor(f => f.IntervalDays).Null().When(f => f.Kind != FrequencyKind.EveryNDays);
    }
}
