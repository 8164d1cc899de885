using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Lists.Commands.AddListItem;
using Ledger.Application.Lists.Commands.ArchiveList;
using Ledger.Domain.Common;
using Ledger.Domain.Lists;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class ArchiveListTests : FunctionalTest
{
    [Test]
    public async Task Should_archive_a_list_keeping_its_items_and_freeze_it()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var list = await CreateGroupListAsync(group, alice);
        await AddItemAsync(list, alice);

        var archived = await SendAsync(new ArchiveList(list, 1), bob);

        (archived.Archived, archived.Version).Should().Be((true, 2));
        (await ReadListAsync(list, alice)).Items.Should().HaveCount(1);
        var add = () => SendAsync(new AddListItem(list, Pii.Name()), alice);
        (await add.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("list.archived");
        (await CountAsync<ListItem>()).Should().Be(1);
    }

    [Test]
    public async Task Should_refuse_a_stale_version_and_strangers()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        var mallory = await CreateUserAsync();

        var stale = () => SendAsync(new ArchiveList(list, 7), alice);
        var stranger = () => SendAsync(new ArchiveList(list, 1), mallory);

        await stale.Should().ThrowAsync<VersionConflictException>();
        await stranger.Should().ThrowAsync<NotFoundException>();
        (await WithDbAsync(db => db.Lists.SingleAsync())).IsArchived.Should().BeFalse();
    }
}
