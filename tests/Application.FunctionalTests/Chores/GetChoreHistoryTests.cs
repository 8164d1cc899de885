using AwesomeAssertions;
using Ledger.Application.Chores.Queries.GetChoreHistory;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

/// <summary>Audit 003 #7: a chore's history is readable exactly by those who may read the chore.</summary>
public sealed class GetChoreHistoryTests : FunctionalTest
{
    [Test]
    public async Task Should_page_through_the_history_newest_first()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var chore = await CreateGroupChoreAsync(group, alice);
        await CompleteOpenAsync(chore, alice);

        var first = await SendAsync(new GetChoreHistory(IdOf(chore), Limit: 3), bob);
        var second = await SendAsync(
            new GetChoreHistory(IdOf(chore), Limit: 3, Cursor: first.NextCursor),
            bob
        );

        first
            .Items.Concat(second.Items)
            .Select(e => (e.Sequence, e.Kind))
            .Should()
            .Equal(
                (4L, ChoreEventKind.Assigned),
                (3L, ChoreEventKind.Completed),
                (2L, ChoreEventKind.Assigned),
                (1L, ChoreEventKind.Created)
            );
        second.NextCursor.Should().BeNull();
    }

    [Test]
    public async Task Should_filter_the_history_of_one_assignment()
    {
        var (group, alice) = await CreateGroupAsync();
        var chore = await CreateGroupChoreAsync(group, alice);
        var done = await CompleteOpenAsync(chore, alice);

        var page = await SendAsync(
            new GetChoreHistory(IdOf(chore), ChoreAssignmentId.From(done.Id)),
            alice
        );

        page.Items.Select(e => e.Kind)
            .Should()
            .Equal(ChoreEventKind.Completed, ChoreEventKind.Assigned);
        page.Items.Should().OnlyContain(e => e.AssignmentId == done.Id);
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger_a_former_member_and_for_another_users_personal_chore()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var carol = await AddMemberAsync(group, alice);
        var groupChore = await CreateGroupChoreAsync(group, alice);
        var personal = await CreatePersonalChoreAsync(alice);
        await SendAsync(new LeaveGroup(group), carol);
        var mallory = await CreateUserAsync();

        var attempts = new Func<Task>[]
        {
            () => SendAsync(new GetChoreHistory(IdOf(groupChore)), mallory),
            () => SendAsync(new GetChoreHistory(IdOf(groupChore)), carol),
            () => SendAsync(new GetChoreHistory(IdOf(personal)), bob),
            () =>
                SendAsync(
                    new GetChoreHistory(
                        IdOf(groupChore),
                        ChoreAssignmentId.From(groupChore.OpenOne().Id)
                    ),
                    mallory
                ),
        };

        foreach (var attempt in attempts)
        {
            (await attempt.Should().ThrowAsync<NotFoundException>())
                .Which.Resource.Should()
                .Be("chore");
        }
    }
}
