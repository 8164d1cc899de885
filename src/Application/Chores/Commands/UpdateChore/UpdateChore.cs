using Ledger.Application.Groups;
using Ledger.Domain.Chores;

namespace Ledger.Application.Chores.Commands.UpdateChore;

/// <summary>
/// Changes a chore's definition, if the caller saw its current version. A new frequency applies
/// from the first occurrence after the latest one already assigned (and not before today).
/// Without <see cref="ParticipantIds"/> the rotation stays as it is; a newcomer starts level with
/// the least busy participant. <see cref="TimeZone"/> is for personal chores only.
/// </summary>
public sealed record UpdateChore(
    ChoreId ChoreId,
    string Name,
    FrequencyDto Frequency,
    ChoreRotation Rotation,
    int ExpectedVersion,
    string? Description = null,
    IReadOnlyList<UserId>? ParticipantIds = null,
    string? TimeZone = null
) : ICommand<ChoreDto>, IRequiresAccess, IVersionedCommand, IChoreDefinition
{
    public Access Access => Access.Chore(ChoreId);
}

public sealed class UpdateChoreValidator : AbstractValidator<UpdateChore>
{
    public UpdateChoreValidator()
    {
        Include(new ChoreDefinitionValidator());
        RuleFor(c => c.ExpectedVersion).MustBeAVersion();
    }
}

public sealed class UpdateChoreHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<UpdateChore, ChoreDto>
{
    public async ValueTask<ChoreDto> Handle(
        UpdateChore command,
        CancellationToken cancellationToken
    )
    {
        var chore = await db.LockAndLoadChoreAsync(command.ChoreId, null, cancellationToken);
        command.EnsureCurrent(chore, "chore");
        List<UserId> members;
        string timeZone;
        if (chore.GroupId is { } groupId)
        {
            members = await db.ActiveMembersAsync(groupId, cancellationToken);
            timeZone = await db.GroupTimeZoneAsync(groupId, cancellationToken);
        }
        else
        {
            members = [chore.OwnerUserId!.Value];
            timeZone = TimeZones.Require(command.TimeZone ?? chore.TimeZoneId!);
        }

        var now = clock.GetUtcNow();
        chore.Update(
            new ChoreDefinition(
                command.Name,
                command.Description,
                command.Frequency.ToDomain(),
                command.Rotation,
                // A group chore refuses a zone of its own; the domain says so if one is sent.
                chore.GroupId
                    is null
                    ? timeZone
                    : command.TimeZone
            ),
            command.ParticipantIds ?? chore.ActiveParticipants.Select(p => p.UserId).ToList(),
            members.ToHashSet(),
            ChoreCalendar.DateIn(now, timeZone),
            principal.RequireUserId(),
            now
        );
        return ChoreDto.From(chore, timeZone);
    }
}
