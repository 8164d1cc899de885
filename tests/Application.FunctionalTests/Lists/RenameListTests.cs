using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Lists.Commands.RenameList;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Lists;

public sealed class RenameListTests : FunctionalTest
{
    [Test]
    public async Task Should_let_any_member_rename_a_group_list_and_bump_its_version()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var list = await CreateGroupListAsync(group, alice);
        var name = Pii.Name("Renamed");

        var renamed = await SendAsync(new RenameList(list, name, 1), bob);

        (renamed.Name, renamed.Version, renamed.Revision).Should().Be((name, 2, 2L));
        (await ReadListAsync(list, alice)).List.Name.Should().Be(name);
    }

    [Test]
    public async Task Should_refuse_a_stale_version_and_name_the_current_one()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        await SendAsync(new RenameList(list, Pii.Name(), 1), alice);

        var act = () => SendAsync(new RenameList(list, Pii.Name(), 1), alice);

        (await act.Should().ThrowAsync<VersionConflictException>())
            .Which.CurrentVersion.Should()
            .Be(2);
    }

    [Test]
    public async Task Should_hide_a_personal_list_from_everyone_but_its_owner()
    {
        var alice = await CreateUserAsync();
        var list = await CreatePersonalListAsync(alice);
        // Even someone who shares a group with Alice.
        var (group, bob) = await CreateGroupAsync();
        await SendAsync(
            new Ledger.Application.Groups.Commands.JoinGroup.JoinGroup(
                await CreateInviteCodeAsync(group, bob)
            ),
            alice
        );

        var act = () => SendAsync(new RenameList(list, Pii.Name(), 1), bob);

        (await act.Should().ThrowAsync<NotFoundException>()).Which.Resource.Should().Be("list");
    }

    [Test]
    public async Task Should_answer_not_found_to_a_stranger_and_to_a_former_member()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var list = await CreateGroupListAsync(group, alice);
        await SendAsync(new Ledger.Application.Groups.Commands.LeaveGroup.LeaveGroup(group), bob);
        var mallory = await CreateUserAsync();

        var byStranger = () => SendAsync(new RenameList(list, Pii.Name(), 1), mallory);
        var byFormerMember = () => SendAsync(new RenameList(list, Pii.Name(), 1), bob);

        await byStranger.Should().ThrowAsync<NotFoundException>();
        await byFormerMember.Should().ThrowAsync<NotFoundException>();
        (await ReadListAsync(list, alice)).List.Version.Should().Be(1);
    }

    [Test]
    public async Task Should_hide_the_lists_of_a_deleted_group()
    {
        var (group, alice) = await CreateGroupAsync();
        var list = await CreateGroupListAsync(group, alice);
        await DeleteGroupAsync(group, alice);

        var act = () => SendAsync(new RenameList(list, Pii.Name(), 1), alice);

        await act.Should().ThrowAsync<NotFoundException>();
    }
}
