using AwesomeAssertions;
using Ledger.Application.Chores.Queries.ListChoreAssignments;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Chores;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

public sealed class ListChoreAssignmentsTests : FunctionalTest
{
    [Test]
    public async Task Should_page_through_assignments_latest_first_and_filter_by_status()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice);
        await CompleteOpenAsync(chore, alice);
        await CompleteOpenAsync(chore, bob);
        var today = TodayIn(GroupZone);

        var first = await SendAsync(new ListChoreAssignments(IdOf(chore), Limit: 2), bob);
        var second = await SendAsync(
            new ListChoreAssignments(IdOf(chore), Limit: 2, Cursor: first.NextCursor),
            bob
        );
        var completed = await SendAsync(
            new ListChoreAssignments(IdOf(chore), AssignmentStatus.Completed),
            bob
        );

        first
            .Items.Concat(second.Items)
            .Select(a => a.DueDate)
            .Should()
            .Equal(today.AddDays(2), today.AddDays(1), today);
        completed.Items.Select(a => a.CompletedBy).Should().Equal(bob.Value, alice.Value);
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger_and_for_another_users_personal_chore()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var groupChore = await CreateGroupChoreAsync(group, alice);
        var personal = await CreatePersonalChoreAsync(alice);
        var mallory = await CreateUserAsync();

        var stranger = () => SendAsync(new ListChoreAssignments(IdOf(groupChore)), mallory);
        var groupMate = () => SendAsync(new ListChoreAssignments(IdOf(personal)), bob);

        await stranger.Should().ThrowAsync<NotFoundException>();
        await groupMate.Should().ThrowAsync<NotFoundException>();
    }
}
