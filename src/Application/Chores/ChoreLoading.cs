using Ledger.Application.Chores.Specifications;
using Ledger.Domain.Chores;

namespace Ledger.Application.Chores;

internal static class ChoreLoading
{
    /// <summary>
    /// Takes the chore's lock, then loads it for a change: its participants, every open
    /// assignment and the one assignment the command is about.
    /// </summary>
    public static async Task<Chore> LockAndLoadChoreAsync(
        this IApplicationDbContext db,
        ChoreId choreId,
        ChoreAssignmentId? assignmentId,
        CancellationToken cancellationToken
    )
    {
        await db.LockChoreAsync(choreId, cancellationToken);
        return await db.Apply(new ChoreForChangeSpec(choreId, assignmentId))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("chore");
    }

    /// <summary>The assignment the command names, if it belongs to this chore; 404 otherwise.</summary>
    public static ChoreAssignment RequireAssignment(
        this Chore chore,
        ChoreAssignmentId assignmentId
    ) => chore.FindAssignment(assignmentId) ?? throw new NotFoundException("assignment");

    /// <summary>The zone the chore's dates are in: its own (personal) or its group's.</summary>
    public static async Task<string> TimeZoneOfAsync(
        this IApplicationDbContext db,
        Chore chore,
        CancellationToken cancellationToken
    ) => chore.TimeZoneId ?? await db.GroupTimeZoneAsync(chore.GroupId!.Value, cancellationToken);

    public static Task<string> GroupTimeZoneAsync(
        this IApplicationDbContext db,
        GroupId groupId,
        CancellationToken cancellationToken
    ) =>
        db
            .Groups.Where(g => g.Id == groupId)
            .Select(g => g.TimeZoneId)
            .SingleAsync(cancellationToken);

    public static async Task<DateOnly> TodayForAsync(
        this IApplicationDbContext db,
        Chore chore,
        DateTimeOffset now,
        CancellationToken cancellationToken
    ) => ChoreCalendar.DateIn(now, await db.TimeZoneOfAsync(chore, cancellationToken));

    /// <summary>Who may take part in a group's chores: its active members, in join order.</summary>
    public static async Task<List<UserId>> ActiveMembersAsync(
        this IApplicationDbContext db,
        GroupId groupId,
        CancellationToken cancellationToken
    ) =>
        await db
            .Memberships.Where(m => m.GroupId == groupId && m.LeftAt == null)
            .OrderBy(m => m.JoinedAt)
            .ThenBy(m => m.Id)
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);

    /// <summary>The actor for history: the signed-in user, or the client (the worker) acting.</summary>
    public static Actor ActorOf(ICurrentPrincipal principal) =>
        principal.UserId is { } user
            ? Actor.User(user)
            : Actor.Client(principal.ClientId ?? throw new UnauthenticatedException());
}
