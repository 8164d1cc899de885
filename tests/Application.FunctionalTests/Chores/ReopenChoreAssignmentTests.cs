using AwesomeAssertions;
using Ledger.Application.Chores.Commands.ReopenChoreAssignment;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

public sealed class ReopenChoreAssignmentTests : FunctionalTest
{
    [Test]
    public async Task Should_reopen_a_completion_made_by_mistake_and_take_back_the_credit()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice);
        var done = await CompleteOpenAsync(chore, alice);

        var reopened = await SendAsync(
            new ReopenChoreAssignment(IdOf(chore), ChoreAssignmentId.From(done.Id), done.Version),
            bob
        );

        (reopened.Status, reopened.CompletedBy, reopened.Version)
            .Should()
            .Be((AssignmentStatus.Open, (Guid?)null, 3));
        var after = await ReadChoreAsync(chore, alice);
        after.Participants.Single(p => p.UserId == alice.Value).Completions.Should().Be(0);
        // Both the reopened occurrence and the one scheduled meanwhile are open.
        after.OpenAssignments.Select(a => a.AssigneeId).Should().Equal(alice.Value, bob.Value);
        (await HistoryAsync(chore, alice))[0]
            .Should()
            .Match<Ledger.Application.Chores.ChoreEventDto>(e =>
                e.Kind == ChoreEventKind.Reopened
                && e.ActorUserId == bob.Value
                && e.AssignmentId == done.Id
            );
    }

    [Test]
    public async Task Should_refuse_reopening_an_open_assignment()
    {
        var alice = await CreateUserAsync();
        var chore = await CreatePersonalChoreAsync(alice);
        var open = chore.OpenOne();

        var act = () =>
            SendAsync(
                new ReopenChoreAssignment(
                    IdOf(chore),
                    ChoreAssignmentId.From(open.Id),
                    open.Version
                ),
                alice
            );

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("chore.assignment-open");
    }
}
