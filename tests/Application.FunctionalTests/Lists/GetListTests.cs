using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Lists.Queries.GetList;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class GetListTests : FunctionalTest
{
    [Test]
    public async Task Should_show_a_group_list_with_its_items_in_order_to_every_member()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var list = await CreateGroupListAsync(group, alice);
        var first = await AddItemAsync(list, alice);
        var second = await AddItemAsync(list, bob);

        var read = await SendAsync(new GetList(list), bob);

        (read.Full, read.List.Id, read.List.Revision).Should().Be((true, list.Value, 3L));
        read.Items.Select(i => (i.Id, i.Position)).Should().Equal((first.Id, 0), (second.Id, 1));
    }

    [Test]
    public async Task Should_answer_not_found_to_anyone_who_may_not_read_the_list()
    {
        var (group, alice) = await CreateGroupAsync();
        var groupList = await CreateGroupListAsync(group, alice);
        var personal = await CreatePersonalListAsync(alice);
        var bob = await AddMemberAsync(group, alice);
        var mallory = await CreateUserAsync();

        var strangerReadsGroupList = () => SendAsync(new GetList(groupList), mallory);
        var memberReadsPersonalList = () => SendAsync(new GetList(personal), bob);
        var nobodyReadsMissingList = () => SendAsync(new GetList(ListId.New()), alice);

        foreach (
            var act in new[]
            {
                strangerReadsGroupList,
                memberReadsPersonalList,
                nobodyReadsMissingList,
            }
        )
        {
            (await act.Should().ThrowAsync<NotFoundException>())
                .Which.Message.Should()
                .Be("The list was not found.");
        }
    }
}
