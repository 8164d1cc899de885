using AwesomeAssertions;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using static Ledger.Domain.UnitTests.Chores.ChoreScenarios;

namespace Ledger.Domain.UnitTests.Chores;

public sealed class ChoreRotationTests
{
    [Test]
    public void Should_go_round_in_the_participants_order()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin, participants: [Cleo, Ana, Ben]);

        chore.CompleteInTurn(7).Should().Equal(Cleo, Ana, Ben, Cleo, Ana, Ben, Cleo);
    }

    [Test]
    public void Should_always_give_a_fixed_chore_to_the_first_participant()
    {
        var chore = GroupChore(ChoreRotation.Fixed, participants: [Ben, Ana]);

        chore.CompleteInTurn(4).Should().OnlyContain(u => u == Ben);
    }

    [Test]
    public void Should_give_a_skipped_turn_back_within_the_round()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin);
        var anasTurn = chore.OpenOne();

        chore.Skip(anasTurn.Id, Ana, Today, Now);

        anasTurn.Status.Should().Be(AssignmentStatus.Skipped);
        chore.CompleteInTurn(5).Should().Equal(Ben, Cleo, Ana, Ben, Cleo);
        chore.ActiveParticipants.Select(p => p.Turns).Should().Equal(2, 2, 2);
    }

    [Test]
    public void Should_keep_the_rota_when_someone_covers_a_turn()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin);
        chore.Reassign(chore.OpenOne().Id, Cleo, Members, Ana, Now);

        var coveredBy = chore.CompleteNext();

        coveredBy.Should().Be(Cleo);
        chore.CompleteInTurn(3).Should().Equal(Ben, Cleo, Ana);
        chore
            .RecordedHistory.Should()
            .Contain(e =>
                e.Kind == ChoreEventKind.Assigned
                && e.AssigneeUserId == Cleo
                && e.Actor.UserId == Ana
            );
    }

    [Test]
    public void Should_let_a_member_who_covered_rest_until_the_others_caught_up()
    {
        var chore = GroupChore(ChoreRotation.FewestCompletions);
        // Ana's turn, done by Cleo: Cleo gets the credit.
        chore.Complete(chore.OpenOne().Id, Cleo, Today, Now);

        chore.CompleteInTurn(2).Should().BeEquivalentTo([Ana, Ben]);
        chore.ActiveParticipants.Select(p => p.Completions).Should().Equal(1, 1, 1);
    }

    [Test]
    public void Should_count_open_assignments_under_fewest_completions()
    {
        var chore = GroupChore(ChoreRotation.FewestCompletions);

        chore.AssignDueOccurrence(Today.AddDays(1), Job, Now);
        chore.AssignDueOccurrence(Today.AddDays(2), Job, Now);

        chore.OpenAssignments.Select(a => a.AssigneeUserId).Should().Equal(Ana, Ben, Cleo);
    }

    [Test]
    public void Should_start_a_newcomer_level_with_the_least_busy_participant()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin, participants: [Ana, Ben]);
        chore.CompleteInTurn(4);

        chore.Update(
            new ChoreDefinition("Bins", null, chore.Frequency, chore.Rotation),
            [Ana, Ben, Dan],
            Members,
            Today,
            Ana,
            Now
        );

        var dan = chore.Participants.Single(p => p.UserId == Dan);
        (dan.Turns, dan.Completions).Should().Be((2, 2));
        // Ana holds the open fifth turn; Dan, level with Ben but never on turn, goes next.
        chore.CompleteInTurn(4).Should().Equal(Ana, Dan, Ben, Ana);
    }

    [Test]
    public void Should_hand_a_departed_members_open_assignments_to_the_rotation()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin);
        chore.AssignDueOccurrence(Today.AddDays(1), Job, Now);
        var bensTurn = chore.OpenAssignments.Single(a => a.AssigneeUserId == Ben);

        chore.HandOver(Ben, [Ana, Cleo, Dan], Actor.User(Ben), Now);

        bensTurn.AssigneeUserId.Should().Be(Cleo);
        chore.ActiveParticipants.Select(p => p.UserId).Should().Equal(Ana, Cleo);
        chore.Participants.Single(p => p.UserId == Ben).IsActive.Should().BeFalse();
        chore.Version.Should().Be(2);
        chore
            .RecordedHistory.TakeLast(2)
            .Select(e => (e.Kind, e.AssigneeUserId))
            .Should()
            .Equal((ChoreEventKind.Updated, null), (ChoreEventKind.Assigned, Cleo));
    }

    [Test]
    public void Should_give_the_chore_to_the_remaining_members_when_its_last_participant_leaves()
    {
        var chore = GroupChore(ChoreRotation.Fixed, participants: [Ben]);

        chore.HandOver(Ben, [Ana, Cleo], Actor.User(Ana), Now);

        chore.ActiveParticipants.Select(p => p.UserId).Should().Equal(Ana, Cleo);
        chore.OpenOne().AssigneeUserId.Should().Be(Ana);
    }

    [Test]
    public void Should_leave_everything_as_it_is_when_nobody_remains()
    {
        var chore = GroupChore(ChoreRotation.RoundRobin, participants: [Ana]);

        chore.HandOver(Ana, [], Actor.User(Ana), Now);

        chore.OpenOne().AssigneeUserId.Should().Be(Ana);
        chore.Assignments.Should().HaveCount(1);
    }
}
