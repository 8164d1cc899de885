using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Lists.Commands.ArchiveList;
using Ledger.Application.Lists.Commands.UnarchiveList;
using Ledger.Domain.Common;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class UnarchiveListTests : FunctionalTest
{
    [Test]
    public async Task Should_bring_an_archived_list_back_into_use()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        await SendAsync(new ArchiveList(list, 1), alice);

        var back = await SendAsync(new UnarchiveList(list, 2), alice);

        (back.Archived, back.Version).Should().Be((false, 3));
        await AddItemAsync(list, alice);
    }

    [Test]
    public async Task Should_refuse_unarchiving_a_list_that_is_not_archived()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);

        var act = () => SendAsync(new UnarchiveList(list, 1), alice);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("list.not-archived");
    }
}
