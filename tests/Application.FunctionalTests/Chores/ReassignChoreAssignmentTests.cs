using AwesomeAssertions;
using Ledger.Application.Chores.Commands.ReassignChoreAssignment;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

public sealed class ReassignChoreAssignmentTests : FunctionalTest
{
    [Test]
    public async Task Should_hand_an_open_occurrence_to_another_member()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice, participants: [alice]);
        var open = chore.OpenOne();

        var reassigned = await SendAsync(
            new ReassignChoreAssignment(
                IdOf(chore),
                ChoreAssignmentId.From(open.Id),
                bob,
                open.Version
            ),
            alice
        );

        (reassigned.AssigneeId, reassigned.Version).Should().Be((bob.Value, 2));
        (await HistoryAsync(chore, bob))[0]
            .Should()
            .Match<Ledger.Application.Chores.ChoreEventDto>(e =>
                e.Kind == ChoreEventKind.Assigned
                && e.AssigneeId == bob.Value
                && e.ActorUserId == alice.Value
            );
    }

    [Test]
    public async Task Should_refuse_someone_who_may_not_read_the_chore()
    {
        var (group, alice) = await CreateGroupAsync();
        var chore = await CreateGroupChoreAsync(group, alice);
        var personal = await CreatePersonalChoreAsync(alice);
        var mallory = await CreateUserAsync();
        var bob = await AddMemberAsync(group, alice);

        var toStranger = () =>
            SendAsync(
                new ReassignChoreAssignment(
                    IdOf(chore),
                    ChoreAssignmentId.From(chore.OpenOne().Id),
                    mallory,
                    1
                ),
                alice
            );
        var personalToGroupMate = () =>
            SendAsync(
                new ReassignChoreAssignment(
                    IdOf(personal),
                    ChoreAssignmentId.From(personal.OpenOne().Id),
                    bob,
                    1
                ),
                alice
            );

        (await toStranger.Should().ThrowAsync<DomainValidationException>())
            .Which.Field.Should()
            .Be("assigneeId");
        (await personalToGroupMate.Should().ThrowAsync<DomainValidationException>())
            .Which.Field.Should()
            .Be("assigneeId");
    }
}
