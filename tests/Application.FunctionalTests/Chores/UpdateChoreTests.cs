using AwesomeAssertions;
using Ledger.Application.Chores;
using Ledger.Application.Chores.Commands.UpdateChore;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

public sealed class UpdateChoreTests : FunctionalTest
{
    [Test]
    public async Task Should_change_the_definition_and_record_who_did_it()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var carol = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice);
        var name = Pii.Name("Glass");
        var weekly = new FrequencyDto(FrequencyKind.Weekly, [DayOfWeek.Saturday]);

        var updated = await SendAsync(
            new UpdateChore(
                IdOf(chore),
                name,
                weekly,
                ChoreRotation.FewestCompletions,
                1,
                null,
                [carol, bob]
            ),
            bob
        );

        (updated.Name, updated.Description, updated.Rotation, updated.Version)
            .Should()
            .Be((name, (string?)null, ChoreRotation.FewestCompletions, 2));
        updated.Frequency.Should().BeEquivalentTo(weekly);
        updated.Participants.Select(p => p.UserId).Should().Equal(carol.Value, bob.Value);
        updated.NextDueDate!.Value.DayOfWeek.Should().Be(DayOfWeek.Saturday);
        (await HistoryAsync(chore, alice))[0]
            .Should()
            .Match<ChoreEventDto>(e =>
                e.Kind == ChoreEventKind.Updated && e.ActorUserId == bob.Value
            );
    }

    [Test]
    public async Task Should_keep_the_rotation_when_no_participants_are_given()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice, participants: [bob]);

        var updated = await SendAsync(
            new UpdateChore(IdOf(chore), Pii.Name(), Daily, ChoreRotation.Fixed, 1),
            alice
        );

        updated.Participants.Select(p => p.UserId).Should().Equal(bob.Value);
    }

    [Test]
    public async Task Should_move_a_personal_chore_to_another_time_zone()
    {
        var alice = await CreateUserAsync();
        var chore = await CreatePersonalChoreAsync(alice);

        var updated = await SendAsync(
            new UpdateChore(
                IdOf(chore),
                Pii.Name(),
                Daily,
                ChoreRotation.Fixed,
                1,
                TimeZone: "America/New_York"
            ),
            alice
        );

        updated.TimeZone.Should().Be("America/New_York");
    }

    [Test]
    public async Task Should_refuse_a_stale_version_and_anyone_but_the_owner_of_a_personal_chore()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var personal = await CreatePersonalChoreAsync(alice);

        var stale = () =>
            SendAsync(
                new UpdateChore(IdOf(personal), Pii.Name(), Daily, ChoreRotation.Fixed, 2),
                alice
            );
        var groupMate = () =>
            SendAsync(
                new UpdateChore(IdOf(personal), Pii.Name(), Daily, ChoreRotation.Fixed, 1),
                bob
            );

        (await stale.Should().ThrowAsync<VersionConflictException>())
            .Which.CurrentVersion.Should()
            .Be(1);
        (await groupMate.Should().ThrowAsync<NotFoundException>())
            .Which.Resource.Should()
            .Be("chore");
    }
}
