using Ledger.Application.Groups;
using Ledger.Domain.Chores;

namespace Ledger.Application.Chores.Commands.CreateChore;

/// <summary>
/// Creates a chore: the group's when <see cref="GroupId"/> is given (members only), the caller's
/// personal chore otherwise. The first occurrence on or after <see cref="FirstDueDate"/> (default:
/// today in the chore's time zone) is assigned at once. A group chore rotates among
/// <see cref="ParticipantIds"/> (default: every member, in join order) and follows the group's time
/// zone; a personal chore is its owner's and uses <see cref="TimeZone"/> (default UTC).
/// </summary>
public sealed record CreateChore(
    string Name,
    FrequencyDto Frequency,
    ChoreRotation Rotation = ChoreRotation.RoundRobin,
    GroupId? GroupId = null,
    string? Description = null,
    IReadOnlyList<UserId>? ParticipantIds = null,
    DateOnly? FirstDueDate = null,
    string? TimeZone = null
) : ICommand<ChoreDto>, IRequiresAccess, IChoreDefinition
{
    public Access Access => Access.PersonalOrGroup(GroupId);
}

public sealed class CreateChoreValidator : AbstractValidator<CreateChore>
{
    public CreateChoreValidator()
    {
        Include(new ChoreDefinitionValidator());
        RuleFor(c => c.TimeZone)
            .Null()
            .When(c => c.GroupId is not null)
            .WithMessage("A group chore follows the group's time zone.");
    }
}

public sealed class CreateChoreHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<CreateChore, ChoreDto>
{
    public async ValueTask<ChoreDto> Handle(
        CreateChore command,
        CancellationToken cancellationToken
    )
    {
        var me = principal.RequireUserId();
        var now = clock.GetUtcNow();
        Ownership ownership;
        List<UserId> members;
        string timeZone;
        if (command.GroupId is { } groupId)
        {
            ownership = Ownership.OfGroup(groupId);
            members = await db.ActiveMembersAsync(groupId, cancellationToken);
            timeZone = await db.GroupTimeZoneAsync(groupId, cancellationToken);
        }
        else
        {
            ownership = Ownership.Personal(me);
            members = [me];
            timeZone = TimeZones.Require(command.TimeZone ?? Chore.DefaultPersonalTimeZone);
        }

        var today = ChoreCalendar.DateIn(now, timeZone);
        var chore = Chore.Create(
            ownership,
            new ChoreDefinition(
                command.Name,
                command.Description,
                command.Frequency.ToDomain(),
                command.Rotation,
                command.GroupId is null ? timeZone : null
            ),
            command.ParticipantIds ?? members,
            members.ToHashSet(),
            command.FirstDueDate ?? today,
            today,
            me,
            now
        );
        db.Chores.Add(chore);
        return ChoreDto.From(chore, timeZone);
    }
}
