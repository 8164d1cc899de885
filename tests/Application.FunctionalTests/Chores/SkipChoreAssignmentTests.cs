using AwesomeAssertions;
using Ledger.Application.Chores.Commands.SkipChoreAssignment;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

public sealed class SkipChoreAssignmentTests : FunctionalTest
{
    [Test]
    public async Task Should_skip_an_occurrence_give_the_turn_back_and_schedule_the_next()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice);
        var open = chore.OpenOne();

        var skipped = await SendAsync(
            new SkipChoreAssignment(IdOf(chore), ChoreAssignmentId.From(open.Id), open.Version),
            bob
        );

        (skipped.Status, skipped.SkippedBy)
            .Should()
            .Be((AssignmentStatus.Skipped, (Guid?)bob.Value));
        var after = await ReadChoreAsync(chore, alice);
        after.Participants.Select(p => p.Turns).Should().Equal(0, 1);
        after
            .OpenOne()
            .Should()
            .Match<Ledger.Application.Chores.AssignmentDto>(a =>
                a.AssigneeId == bob.Value && a.DueDate == TodayIn(GroupZone).AddDays(1)
            );
        (await HistoryAsync(chore, alice))
            .Select(e => e.Kind)
            .Should()
            .StartWith([ChoreEventKind.Assigned, ChoreEventKind.Skipped]);
    }

    [Test]
    public async Task Should_refuse_a_stale_version()
    {
        var alice = await CreateUserAsync();
        var chore = await CreatePersonalChoreAsync(alice);
        var open = chore.OpenOne();

        var act = () =>
            SendAsync(
                new SkipChoreAssignment(IdOf(chore), ChoreAssignmentId.From(open.Id), 9),
                alice
            );

        await act.Should().ThrowAsync<VersionConflictException>();
    }
}
