using Ledger.Application.Groups;
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

/// <summary>What a client decides about a chore, as CreateChore and UpdateChore both take it.</summary>
public interface IChoreDefinition
{
    string Name { get; }
    string? Description { get; }
    FrequencyDto Frequency { get; }
    ChoreRotation Rotation { get; }
    IReadOnlyList<UserId>? ParticipantIds { get; }
    string? TimeZone { get; }
}

/// <summary>The rules of a chore's definition, the same when it is created and when it is changed.</summary>
internal sealed class ChoreDefinitionValidator : AbstractValidator<IChoreDefinition>
{
    public ChoreDefinitionValidator()
    {
        RuleFor(c => c.Name).MustBeAChoreName();
        RuleFor(c => c.Description).MustBeAChoreDescription();
        RuleFor(c => c.Frequency).NotNull().SetValidator(new FrequencyValidator());
        RuleFor(c => c.Rotation).IsInEnum();
        RuleFor(c => c.ParticipantIds).MustBeParticipants();
        RuleFor(c => c.TimeZone!).MustBeATimeZone().When(c => c.TimeZone is not null);
    }
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
