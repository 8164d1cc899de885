using AwesomeAssertions;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Application.Groups.Commands.RemoveMember;
using Ledger.Application.Users.Commands.DeleteMe;
using Ledger.Domain.Chores;
using Ledger.Domain.Groups;
using Ledger.Infrastructure.Identity;
using Ledger.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

/// <summary>Leaving a group never deletes chores or history; a departed member's turns move on.</summary>
public sealed class ChoreHandOverTests : FunctionalTest
{
    [Test]
    public async Task Should_hand_a_leaving_members_open_assignments_to_the_rotation()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var carol = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice);
        await CompleteOpenAsync(chore, alice);
        var eventsBefore = (await HistoryAsync(chore, alice)).Count;

        await SendAsync(new LeaveGroup(group), bob);

        var after = await ReadChoreAsync(chore, alice);
        after.Participants.Select(p => p.UserId).Should().Equal(alice.Value, carol.Value);
        after.OpenOne().AssigneeId.Should().Be(carol.Value);
        var history = await HistoryAsync(chore, alice);
        history.Should().HaveCount(eventsBefore + 2);
        history[0]
            .Should()
            .Match<Ledger.Application.Chores.ChoreEventDto>(e =>
                e.Kind == ChoreEventKind.Assigned
                && e.AssigneeId == carol.Value
                && e.ActorUserId == bob.Value
            );
        (await CountAsync<Chore>()).Should().Be(1);
        (await WithDbAsync(db => db.ChoreAssignments.CountAsync())).Should().Be(2);
    }

    [Test]
    public async Task Should_hand_over_when_a_member_deletes_their_account()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var carol = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice);
        await CompleteOpenAsync(chore, alice);
        var password = await GivePasswordAsync(bob);

        await SendAsync(new DeleteMe(password), bob);

        var after = await ReadChoreAsync(chore, alice);
        after.Participants.Select(p => p.UserId).Should().Equal(alice.Value, carol.Value);
        after.OpenOne().AssigneeId.Should().Be(carol.Value);
    }

    [Test]
    public async Task Should_hand_over_when_an_owner_removes_a_member()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(
            group,
            alice,
            ChoreRotation.Fixed,
            participants: [bob]
        );

        await SendAsync(new RemoveMember(group, bob), alice);

        var after = await ReadChoreAsync(chore, alice);
        after.Participants.Select(p => p.UserId).Should().Equal(alice.Value);
        after.OpenOne().AssigneeId.Should().Be(alice.Value);
        (await HistoryAsync(chore, alice))[0].ActorUserId.Should().Be(alice.Value);
    }

    [Test]
    public async Task Should_keep_chores_and_history_when_the_last_member_leaves()
    {
        var (group, alice) = await CreateGroupAsync();
        var chore = await CreateGroupChoreAsync(group, alice);

        var left = await SendAsync(new LeaveGroup(group), alice);

        left.GroupStatus.Should().Be(GroupStatus.Archived);
        (await CountAsync<Chore>()).Should().Be(1);
        var assignment = await WithDbAsync(db => db.ChoreAssignments.SingleAsync());
        (assignment.AssigneeUserId, assignment.Status).Should().Be((alice, AssignmentStatus.Open));
        (await WithDbAsync(db => db.ChoreEvents.CountAsync(e => e.ChoreId == IdOf(chore))))
            .Should()
            .Be(3);
    }
}
