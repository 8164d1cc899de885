using AwesomeAssertions;
using Ledger.Application.Chores.Commands.ArchiveChore;
using Ledger.Application.Chores.Queries.ListChores;
using Ledger.Application.Common.Exceptions;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Chores;

public sealed class ListChoresTests : FunctionalTest
{
    [Test]
    public async Task Should_page_through_a_groups_chores_and_leave_out_archived_ones()
    {
        var (group, alice) = await CreateGroupAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            created.Add((await CreateGroupChoreAsync(group, alice)).Id);
        }

        await SendAsync(new ArchiveChore(ChoreId.From(created[1]), 1), alice);
        await CreatePersonalChoreAsync(alice);

        var first = await SendAsync(new ListChores(group, Limit: 2), alice);
        var second = await SendAsync(
            new ListChores(group, Limit: 2, Cursor: first.NextCursor),
            alice
        );
        var all = await SendAsync(new ListChores(group, IncludeArchived: true), alice);

        first
            .Items.Concat(second.Items)
            .Select(c => c.Id)
            .Should()
            .Equal(created[0], created[2], created[3]);
        second.NextCursor.Should().BeNull();
        all.Items.Select(c => c.Id).Should().Equal(created);
        all.Items.Should()
            .OnlyContain(c => c.TimeZone == GroupZone && c.OpenAssignments.Count == 1);
    }

    [Test]
    public async Task Should_list_only_the_callers_personal_chores_without_a_group()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync();
        var mine = await CreatePersonalChoreAsync(alice, "Asia/Tokyo");
        await CreatePersonalChoreAsync(bob);

        var page = await SendAsync(new ListChores(), alice);

        page.Items.Select(c => (c.Id, c.TimeZone)).Should().Equal((mine.Id, "Asia/Tokyo"));
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger()
    {
        var (group, _) = await CreateGroupAsync();
        var mallory = await CreateUserAsync();

        var act = () => SendAsync(new ListChores(group), mallory);

        await act.Should().ThrowAsync<NotFoundException>();
    }
}
