using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Paging;
using Ledger.Application.Groups;
using Ledger.Application.Groups.Commands.CreateGroup;
using Ledger.Application.Groups.Commands.JoinGroup;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Application.Groups.Commands.TransferOwnership;
using Ledger.Application.Groups.Queries.ListMembers;
using Ledger.Application.Groups.Queries.ListMyGroups;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Ledger.TestSupport;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class ListMyGroupsTests : FunctionalTest
{
    [Test]
    public async Task Should_list_only_the_active_groups_the_caller_belongs_to_with_their_role()
    {
        var (owned, alice) = await CreateGroupAsync();
        var (joined, bob) = await CreateGroupAsync();
        await SendAsync(new JoinGroup(await CreateInviteCodeAsync(joined, bob)), alice);
        var (left, carol) = await CreateGroupAsync();
        await SendAsync(new JoinGroup(await CreateInviteCodeAsync(left, carol)), alice);
        await SendAsync(new LeaveGroup(left), alice);
        await CreateGroupAsync();

        var page = await SendAsync(new ListMyGroups(), alice);

        page.Items.Select(g => (g.Id, g.MyRole))
            .Should()
            .BeEquivalentTo([
                (owned.Value, (GroupRole?)GroupRole.Owner),
                (joined.Value, GroupRole.Member),
            ]);
        page.NextCursor.Should().BeNull();
    }

    [Test]
    public async Task Should_page_through_every_group_once_with_an_opaque_cursor()
    {
        var alice = await CreateUserAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(
                (await SendAsync(new CreateGroup(Pii.Name(), "EUR", "Europe/Berlin"), alice)).Id
            );
        }

        var seen = new List<Guid>();
        var pageSizes = new List<int>();
        string? cursor = null;
        do
        {
            var page = await SendAsync(new ListMyGroups(Limit: 2, Cursor: cursor), alice);
            seen.AddRange(page.Items.Select(g => g.Id));
            pageSizes.Add(page.Items.Count);
            cursor = page.NextCursor;
            cursor?.Should().NotContain(page.Items[^1].Id.ToString());
        } while (cursor is not null);

        pageSizes.Should().Equal(2, 2, 1);
        seen.Should().Equal(created.Order());
    }

    [Test]
    public async Task Should_reject_a_tampered_cursor_as_invalid_input()
    {
        var alice = await CreateUserAsync();
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(new CreateGroup(Pii.Name(), "EUR", "Europe/Berlin"), alice);
        }

        var cursor = (await SendAsync(new ListMyGroups(Limit: 1), alice)).NextCursor!;
        var middle = cursor.Length / 2;
        var tampered = string.Concat(
            cursor[..middle],
            cursor[middle] == 'A' ? "B" : "A",
            cursor[(middle + 1)..]
        );

        foreach (var bad in new[] { tampered, "not-a-cursor", cursor + "A" })
        {
            var act = () => SendAsync(new ListMyGroups(Limit: 1, Cursor: bad), alice);
            (await act.Should().ThrowAsync<ValidationException>())
                .Which.Errors.Should()
                .ContainSingle(e => e.PropertyName == "Cursor");
        }
    }

    [Test]
    public async Task Should_reject_a_cursor_issued_for_another_list()
    {
        var (group, alice) = await CreateGroupAsync();
        await AddMemberAsync(group, alice);
        var membersCursor = (await SendAsync(new ListMembers(group, Limit: 1), alice)).NextCursor!;

        var act = () => SendAsync(new ListMyGroups(Cursor: membersCursor), alice);

        await act.Should().ThrowAsync<ValidationException>();
    }

    [TestCase(0)]
    [TestCase(PageLimits.Max + 1)]
    public async Task Should_reject_a_limit_out_of_bounds(int limit)
    {
        var alice = await CreateUserAsync();

        var act = () => SendAsync(new ListMyGroups(Limit: limit), alice);

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Should()
            .ContainSingle(e => e.PropertyName == "Limit");
    }

    [Test]
    public async Task Should_list_an_archived_group_to_its_former_owner_only_when_asked()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await SendAsync(new TransferOwnership(group, bob), alice);
        await SendAsync(new LeaveGroup(group), alice);
        await SendAsync(new LeaveGroup(group), bob);

        (await SendAsync(new ListMyGroups(), bob)).Items.Should().BeEmpty();
        var withArchived = await SendAsync(new ListMyGroups(IncludeArchived: true), bob);
        withArchived
            .Items.Should()
            .ContainSingle()
            .Which.Should()
            .Match<GroupDto>(g =>
                g.Id == group.Value && g.Status == GroupStatus.Archived && g.MyRole == null
            );
        // Alice left as a member (she had handed ownership over): nothing she could restore.
        (await SendAsync(new ListMyGroups(IncludeArchived: true), alice))
            .Items.Should()
            .BeEmpty();
    }

    [Test]
    public async Task Should_never_list_a_deleted_group()
    {
        var (group, alice) = await CreateGroupAsync();
        await DeleteGroupAsync(group, alice);

        (await SendAsync(new ListMyGroups(IncludeArchived: true), alice)).Items.Should().BeEmpty();
    }

    [Test]
    public async Task Should_require_a_signed_in_user()
    {
        var act = () => SendAsync(new ListMyGroups(), asUser: (UserId?)null);

        await act.Should().ThrowAsync<UnauthenticatedException>();
    }
}
