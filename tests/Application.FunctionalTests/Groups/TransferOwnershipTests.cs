using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.ChangeMemberRole;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Application.Groups.Commands.TransferOwnership;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class TransferOwnershipTests : FunctionalTest
{
    [Test]
    public async Task Should_swap_the_roles_in_one_step_and_free_the_old_owner_to_leave()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);

        var afterTransfer = await SendAsync(new TransferOwnership(group, bob), alice);

        afterTransfer.MyRole.Should().Be(GroupRole.Member);
        (await ReadAsync(group, bob)).MyRole.Should().Be(GroupRole.Owner);
        (
            await WithDbAsync(db =>
                db.AuditEvents.CountAsync(a => a.Action == "group.ownership-transferred")
            )
        )
            .Should()
            .Be(1);
        var left = await SendAsync(new LeaveGroup(group), alice);
        left.GroupStatus.Should().Be(GroupStatus.Active);
    }

    [Test]
    public async Task Should_refuse_a_member_who_is_already_an_owner()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await SendAsync(new ChangeMemberRole(group, bob, GroupRole.Owner), alice);

        var act = () => SendAsync(new TransferOwnership(group, bob), alice);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("group.already-owner");
        (await ReadAsync(group, alice)).MyRole.Should().Be(GroupRole.Owner);
    }

    [Test]
    public async Task Should_answer_not_found_for_a_new_owner_who_is_not_a_member()
    {
        var (group, alice) = await CreateGroupAsync();
        var stranger = await CreateUserAsync();

        var act = () => SendAsync(new TransferOwnership(group, stranger), alice);

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Should_forbid_a_member_and_hide_the_group_from_a_stranger()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var mallory = await CreateUserAsync();

        var byMember = () => SendAsync(new TransferOwnership(group, bob), bob);
        var byStranger = () => SendAsync(new TransferOwnership(group, mallory), mallory);

        await byMember.Should().ThrowAsync<ForbiddenException>();
        await byStranger.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Should_reject_an_empty_new_owner()
    {
        var (group, alice) = await CreateGroupAsync();

        var act = () => SendAsync(new TransferOwnership(group, UserId.From(Guid.Empty)), alice);

        await act.Should().ThrowAsync<FluentValidation.ValidationException>();
    }
}
