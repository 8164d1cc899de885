using Ledger.Application.Groups;

namespace Ledger.Application.Chores.Commands.ArchiveChore;

/// <summary>
/// Archives a chore: no new occurrences are assigned and its assignments are frozen until it is
/// unarchived. Nothing is deleted; the history keeps everything.
/// </summary>
public sealed record ArchiveChore(ChoreId ChoreId, int ExpectedVersion)
    : ICommand<ChoreDto>,
        IRequiresAccess,
        IVersionedCommand
{
    public Access Access => Access.Chore(ChoreId);
}

public sealed class ArchiveChoreValidator : AbstractValidator<ArchiveChore>
{
    public ArchiveChoreValidator() => RuleFor(c => c.ExpectedVersion).MustBeAVersion();
}

public sealed class ArchiveChoreHandler(
    IApplicationDbContext db,
    ICurrentPrincipal principal,
    TimeProvider clock
) : ICommandHandler<ArchiveChore, ChoreDto>
{
    public async ValueTask<ChoreDto> Handle(
        ArchiveChore command,
        CancellationToken cancellationToken
    )
    {
        var chore = await db.LockAndLoadChoreAsync(command.ChoreId, null, cancellationToken);
        command.EnsureCurrent(chore, "chore");
        chore.Archive(principal.RequireUserId(), clock.GetUtcNow());
        return ChoreDto.From(chore, await db.TimeZoneOfAsync(chore, cancellationToken));
    }
}
