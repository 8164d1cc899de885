using Ledger.Application.Groups;
using Ledger.Domain.Chores;

namespace Ledger.Application.Chores.Commands.UnarchiveChore;

/// <summary>
/// Brings an archived chore back: occurrences that passed while it was archived lapse, and the
/// next one is assigned if none is open.
/// </summary>
public sealed record UnarchiveChore(ChoreId ChoreId, int ExpectedVersion)
    : ICommand<ChoreDto>,
        IRequiresAccess,
        IVersionedCommand
{
    public Access Access => Access.Chore(ChoreId);
}

public sealed class UnarchiveChoreValidator : AbstractValidator<UnarchiveChore>
{
    public UnarchiveChoreValidator() => RuleFor(c => c.ExpectedVersion).MustBeAVersion();
}

public sealed class UnarchiveChoreHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<UnarchiveChore, ChoreDto>
{
    public async ValueTask<ChoreDto> Handle(
        UnarchiveChore command,
        CancellationToken cancellationToken
    )
    {
        var chore = await db.LockAndLoadChoreAsync(command.ChoreId, null, cancellationToken);
        command.EnsureCurrent(chore, "chore");
        var now = clock.GetUtcNow();
        var timeZone = await db.TimeZoneOfAsync(chore, cancellationToken);
        chore.Unarchive(ChoreCalendar.DateIn(now, timeZone), principal.RequireUserId(), now);
        return ChoreDto.From(chore, timeZone);
    }
}
