using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.JoinGroup;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Application.Groups.Queries.ListMembers;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class ListMembersTests : FunctionalTest
{
    [Test]
    public async Task Should_list_the_active_members_in_join_order_with_display_names_and_roles()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var carol = await AddMemberAsync(group, alice);
        await SendAsync(new LeaveGroup(group), carol);

        var page = await SendAsync(new ListMembers(group), bob);

        var names = await DisplayNamesAsync(alice, bob);
        page.Items.Select(m => (m.UserId, m.DisplayName, m.Role))
            .Should()
            .Equal(
                (alice.Value, names[alice], GroupRole.Owner),
                (bob.Value, names[bob], GroupRole.Member)
            );
        page.NextCursor.Should().BeNull();
    }

    [Test]
    public async Task Should_page_through_the_members()
    {
        var (group, alice) = await CreateGroupAsync();
        var everyone = new List<UserId> { alice };
        for (var i = 0; i < 4; i++)
        {
            everyone.Add(await AddMemberAsync(group, alice));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await SendAsync(new ListMembers(group, Limit: 2, Cursor: cursor), alice);
            page.Items.Count.Should().BeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(m => m.UserId));
            cursor = page.NextCursor;
        } while (cursor is not null);

        seen.Should().Equal(everyone.Select(u => u.Value));
    }

    [Test]
    public async Task Should_reject_a_cursor_of_another_groups_members()
    {
        var (group, alice) = await CreateGroupAsync();
        await AddMemberAsync(group, alice);
        var (other, otherOwner) = await CreateGroupAsync();
        await SendAsync(new JoinGroup(await CreateInviteCodeAsync(other, otherOwner)), alice);
        var cursor = (await SendAsync(new ListMembers(group, Limit: 1), alice)).NextCursor;

        var act = () => SendAsync(new ListMembers(other, Limit: 1, Cursor: cursor), alice);

        await act.Should().ThrowAsync<ValidationException>();
    }

    [Test]
    public async Task Should_answer_not_found_to_a_non_member_and_a_former_member()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await SendAsync(new LeaveGroup(group), bob);
        var mallory = await CreateUserAsync();

        foreach (var outsider in new[] { mallory, bob })
        {
            var act = () => SendAsync(new ListMembers(group), outsider);
            await act.Should().ThrowAsync<NotFoundException>();
        }
    }

    [Test]
    public async Task Should_reject_a_limit_out_of_bounds()
    {
        var (group, alice) = await CreateGroupAsync();

        var act = () => SendAsync(new ListMembers(group, Limit: 1000), alice);

        await act.Should().ThrowAsync<ValidationException>();
    }

    private static Task<Dictionary<UserId, string>> DisplayNamesAsync(params UserId[] users)
    {
        var ids = users.Select(u => u.Value).ToList();
        return WithDbAsync(db =>
            db.Users.Where(u => ids.Contains(u.Id))
                .ToDictionaryAsync(u => UserId.From(u.Id), u => u.DisplayName)
        );
    }
}
