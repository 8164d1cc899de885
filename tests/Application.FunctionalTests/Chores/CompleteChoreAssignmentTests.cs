using AwesomeAssertions;
using Ledger.Application.Chores.Commands.CompleteChoreAssignment;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

public sealed class CompleteChoreAssignmentTests : FunctionalTest
{
    [Test]
    public async Task Should_complete_and_assign_the_next_occurrence_to_the_next_member()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice);

        var done = await CompleteOpenAsync(chore, alice);

        (done.Status, done.CompletedBy, done.Version)
            .Should()
            .Be((AssignmentStatus.Completed, (Guid?)alice.Value, 2));
        var after = await ReadChoreAsync(chore, bob);
        var next = after.OpenOne();
        (next.AssigneeId, next.DueDate).Should().Be((bob.Value, TodayIn(GroupZone).AddDays(1)));
        after.Participants.Single(p => p.UserId == alice.Value).Completions.Should().Be(1);
        (await HistoryAsync(chore, bob))
            .Take(2)
            .Select(e => (e.Kind, e.ActorUserId, e.AssigneeId))
            .Should()
            .Equal(
                (ChoreEventKind.Assigned, alice.Value, bob.Value),
                (ChoreEventKind.Completed, alice.Value, alice.Value)
            );
    }

    [Test]
    public async Task Should_credit_whoever_did_it_when_covering_for_someone()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice, ChoreRotation.FewestCompletions);

        await CompleteOpenAsync(chore, bob);

        var after = await ReadChoreAsync(chore, alice);
        after
            .Participants.Select(p => (p.UserId, p.Completions))
            .Should()
            .Equal((alice.Value, 0), (bob.Value, 1));
        after.OpenOne().AssigneeId.Should().Be(alice.Value);
    }

    [Test]
    public async Task Should_let_exactly_one_of_fifty_concurrent_completions_of_the_same_version_win()
    {
        var (group, alice) = await CreateGroupAsync();
        var chore = await CreateGroupChoreAsync(group, alice);
        var open = chore.OpenOne();

        var failures = await RowRace.RaceAsync(
            ConnectionString,
            "chores",
            chore.Id,
            50,
            _ =>
                SendAsync(
                    new CompleteChoreAssignment(
                        IdOf(chore),
                        ChoreAssignmentId.From(open.Id),
                        open.Version
                    ),
                    alice
                )
        );

        failures.Count(f => f is null).Should().Be(1);
        failures
            .Where(f => f is not null)
            .Should()
            .AllSatisfy(f =>
                f.Should().BeOfType<VersionConflictException>().Which.CurrentVersion.Should().Be(2)
            );
        (await WithDbAsync(db => db.ChoreAssignments.CountAsync())).Should().Be(2);
        (await ReadChoreAsync(chore, alice)).Participants.Single().Completions.Should().Be(1);
    }

    [Test]
    public async Task Should_answer_not_found_for_an_assignment_of_another_chore_or_a_stranger()
    {
        var (group, alice) = await CreateGroupAsync();
        var chore = await CreateGroupChoreAsync(group, alice);
        var other = await CreateGroupChoreAsync(group, alice);
        var othersAssignment = other.OpenOne();
        var mallory = await CreateUserAsync();

        var wrongChore = () =>
            SendAsync(
                new CompleteChoreAssignment(
                    IdOf(chore),
                    ChoreAssignmentId.From(othersAssignment.Id),
                    1
                ),
                alice
            );
        var stranger = () =>
            SendAsync(
                new CompleteChoreAssignment(
                    IdOf(other),
                    ChoreAssignmentId.From(othersAssignment.Id),
                    1
                ),
                mallory
            );

        (await wrongChore.Should().ThrowAsync<NotFoundException>())
            .Which.Resource.Should()
            .Be("assignment");
        (await stranger.Should().ThrowAsync<NotFoundException>())
            .Which.Resource.Should()
            .Be("chore");
    }

    [Test]
    public async Task Should_refuse_completing_twice()
    {
        var alice = await CreateUserAsync();
        var chore = await CreatePersonalChoreAsync(alice, frequency: new(FrequencyKind.Once));
        var done = await CompleteOpenAsync(chore, alice);

        var again = () =>
            SendAsync(
                new CompleteChoreAssignment(
                    IdOf(chore),
                    ChoreAssignmentId.From(done.Id),
                    done.Version
                ),
                alice
            );

        (await again.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("chore.assignment-closed");
        (await ReadChoreAsync(chore, alice)).OpenAssignments.Should().BeEmpty();
    }
}
