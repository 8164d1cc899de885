using Ledger.Application.Chores;
using Ledger.Application.Chores.Commands.CompleteChoreAssignment;
using Ledger.Application.Chores.Commands.CreateChore;
using Ledger.Application.Chores.Queries.GetChore;
using Ledger.Application.Chores.Queries.GetChoreHistory;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

internal static class ChoreScenarios
{
    /// <summary>The zone of the groups GroupScenarios creates.</summary>
    public const string GroupZone = "Europe/Berlin";

    public static FrequencyDto Daily => new(FrequencyKind.Daily);

    public static DateOnly TodayIn(string zone) => ChoreCalendar.DateIn(Clock.GetUtcNow(), zone);

    public static Task<ChoreDto> CreateGroupChoreAsync(
        GroupId group,
        UserId asUser,
        ChoreRotation rotation = ChoreRotation.RoundRobin,
        FrequencyDto? frequency = null,
        IReadOnlyList<UserId>? participants = null,
        DateOnly? firstDueDate = null
    ) =>
        SendAsync(
            new CreateChore(
                Pii.Name("Chore"),
                frequency ?? Daily,
                rotation,
                group,
                Pii.Text("How"),
                participants,
                firstDueDate
            ),
            asUser
        );

    public static Task<ChoreDto> CreatePersonalChoreAsync(
        UserId owner,
        string? timeZone = null,
        FrequencyDto? frequency = null,
        DateOnly? firstDueDate = null
    ) =>
        SendAsync(
            new CreateChore(
                Pii.Name("Mine"),
                frequency ?? Daily,
                ChoreRotation.Fixed,
                null,
                null,
                null,
                firstDueDate,
                timeZone
            ),
            owner
        );

    public static ChoreId IdOf(ChoreDto chore) => ChoreId.From(chore.Id);

    public static Task<ChoreDto> ReadChoreAsync(ChoreDto chore, UserId asUser) =>
        SendAsync(new GetChore(IdOf(chore)), asUser);

    public static AssignmentDto OpenOne(this ChoreDto chore) =>
        chore.OpenAssignments.OrderBy(a => a.DueDate).First();

    /// <summary>Completes the chore's earliest open assignment as <paramref name="asUser"/>.</summary>
    public static async Task<AssignmentDto> CompleteOpenAsync(ChoreDto chore, UserId asUser)
    {
        var open = (await ReadChoreAsync(chore, asUser)).OpenOne();
        return await SendAsync(
            new CompleteChoreAssignment(IdOf(chore), ChoreAssignmentId.From(open.Id), open.Version),
            asUser
        );
    }

    public static async Task<IReadOnlyList<ChoreEventDto>> HistoryAsync(
        ChoreDto chore,
        UserId asUser
    ) => (await SendAsync(new GetChoreHistory(IdOf(chore), Limit: 100), asUser)).Items;
}
