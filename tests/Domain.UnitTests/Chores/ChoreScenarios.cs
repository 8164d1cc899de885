using Ledger.Domain.Chores;
using Ledger.Domain.Common;

namespace Ledger.Domain.UnitTests.Chores;

internal static class ChoreScenarios
{
    public static readonly UserId Ana = UserId.From(
        new Guid("00000000-0000-0000-0000-00000000000a")
    );
    public static readonly UserId Ben = UserId.From(
        new Guid("00000000-0000-0000-0000-00000000000b")
    );
    public static readonly UserId Cleo = UserId.From(
        new Guid("00000000-0000-0000-0000-00000000000c")
    );
    public static readonly UserId Dan = UserId.From(
        new Guid("00000000-0000-0000-0000-00000000000d")
    );
    public static readonly Actor Job = Actor.Client("ledger-worker");

    /// <summary>Monday 2 March 2026, noon UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 3, 2);

    public static readonly IReadOnlySet<UserId> Members = new HashSet<UserId>
    {
        Ana,
        Ben,
        Cleo,
        Dan,
    };

    public static Chore GroupChore(
        ChoreRotation rotation,
        ChoreFrequency? frequency = null,
        UserId[]? participants = null,
        DateOnly? firstDueDate = null
    ) =>
        Chore.Create(
            Ownership.OfGroup(GroupId.New()),
            new ChoreDefinition(
                "Bins",
                "Out on the kerb",
                frequency ?? ChoreFrequency.Daily(),
                rotation
            ),
            participants ?? [Ana, Ben, Cleo],
            Members,
            firstDueDate ?? Today,
            Today,
            Ana,
            Now
        );

    public static ChoreAssignment OpenOne(this Chore chore) =>
        chore.OpenAssignments.OrderBy(a => a.DueDate).First();

    /// <summary>Completes the earliest open assignment by its assignee and returns who that was.</summary>
    public static UserId CompleteNext(this Chore chore, DateOnly? today = null)
    {
        var open = chore.OpenOne();
        chore.Complete(open.Id, open.AssigneeUserId, today ?? Today, Now);
        return open.AssigneeUserId;
    }

    public static List<UserId> CompleteInTurn(this Chore chore, int count) =>
        Enumerable.Range(0, count).Select(_ => chore.CompleteNext()).ToList();
}
