using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.ChangeMemberRole;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class ChangeMemberRoleTests : FunctionalTest
{
    [Test]
    public async Task Should_promote_and_demote_a_member_and_audit_both()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);

        var promoted = await SendAsync(new ChangeMemberRole(group, bob, GroupRole.Owner), alice);
        promoted.Role.Should().Be(GroupRole.Owner);
        promoted.UserId.Should().Be(bob.Value);
        promoted.DisplayName.Should().NotBeEmpty();
        (await ReadAsync(group, bob)).MyRole.Should().Be(GroupRole.Owner);

        await SendAsync(new ChangeMemberRole(group, bob, GroupRole.Member), alice);
        (await ReadAsync(group, bob)).MyRole.Should().Be(GroupRole.Member);

        var actions = await WithDbAsync(db =>
            db.AuditEvents.OrderBy(a => a.OccurredAt).Select(a => a.Action).ToListAsync()
        );
        actions.Should().ContainInOrder("group.member-promoted", "group.member-demoted");
    }

    [Test]
    public async Task Should_keep_at_least_one_owner()
    {
        var (group, alice) = await CreateGroupAsync();
        await AddMemberAsync(group, alice);

        var act = () => SendAsync(new ChangeMemberRole(group, alice, GroupRole.Member), alice);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("group.last-owner");
        (await ReadAsync(group, alice)).MyRole.Should().Be(GroupRole.Owner);
    }

    [Test]
    public async Task Should_answer_not_found_for_a_user_who_is_not_a_member()
    {
        var (group, alice) = await CreateGroupAsync();
        var stranger = await CreateUserAsync();

        var act = () => SendAsync(new ChangeMemberRole(group, stranger, GroupRole.Owner), alice);

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Should_forbid_a_member_and_hide_the_group_from_a_stranger()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var mallory = await CreateUserAsync();

        var byMember = () => SendAsync(new ChangeMemberRole(group, bob, GroupRole.Owner), bob);
        var byStranger = () =>
            SendAsync(new ChangeMemberRole(group, bob, GroupRole.Owner), mallory);

        await byMember.Should().ThrowAsync<ForbiddenException>();
        await byStranger.Should().ThrowAsync<NotFoundException>();
        (await ReadAsync(group, bob)).MyRole.Should().Be(GroupRole.Member);
    }

    [Test]
    public async Task Should_reject_an_unknown_role_and_an_empty_user()
    {
        var (group, alice) = await CreateGroupAsync();

        var act = () =>
            SendAsync(new ChangeMemberRole(group, UserId.From(Guid.Empty), (GroupRole)7), alice);

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Select(e => e.PropertyName)
            .Should()
            .BeEquivalentTo(["UserId", "Role"]);
    }
}
