using Ledger.Application.Chores.Commands.ArchiveChore;
using Ledger.Application.Chores.Commands.UnarchiveChore;
using Ledger.Domain.Chores;

namespace Ledger.Application.Chores;

/// <summary>
/// Archiving or unarchiving a chore, from the chore version the client last saw: the chore's
/// users only (<see cref="Access.Chore"/>), the version is the only other input.
/// </summary>
public abstract record ChoreArchiving(ChoreId ChoreId, int ExpectedVersion)
    : ICommand<ChoreDto>,
        IRequiresAccess,
        IVersionedCommand
{
    public Access Access => Access.Chore(ChoreId);
}

/// <summary>
/// Handles both directions of <see cref="ChoreArchiving"/>: lock and load the chore, check the
/// version, let the chore archive or unarchive itself (it says what may change), answer in the
/// chore's time zone.
/// </summary>
public sealed class ChoreArchivingHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<ArchiveChore, ChoreDto>, ICommandHandler<UnarchiveChore, ChoreDto>
{
    public ValueTask<ChoreDto> Handle(ArchiveChore command, CancellationToken cancellationToken) =>
        SetArchivedAsync(command, archived: true, cancellationToken);

    public ValueTask<ChoreDto> Handle(
        UnarchiveChore command,
        CancellationToken cancellationToken
    ) => SetArchivedAsync(command, archived: false, cancellationToken);

    private async ValueTask<ChoreDto> SetArchivedAsync(
        ChoreArchiving command,
        bool archived,
        CancellationToken cancellationToken
    )
    {
        var chore = await db.LockAndLoadChoreAsync(command.ChoreId, null, cancellationToken);
        command.EnsureCurrent(chore, "chore");
        var now = clock.GetUtcNow();
        var timeZone = await db.TimeZoneOfAsync(chore, cancellationToken);
        if (archived)
        {
            chore.Archive(principal.RequireUserId(), now);
        }
        else
        {
            // Occurrences that passed while archived lapse from the chore's today.
            chore.Unarchive(ChoreCalendar.DateIn(now, timeZone), principal.RequireUserId(), now);
        }

        return ChoreDto.From(chore, timeZone);
    }
}
