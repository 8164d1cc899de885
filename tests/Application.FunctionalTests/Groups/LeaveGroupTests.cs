using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.ChangeMemberRole;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class LeaveGroupTests : FunctionalTest
{
    [Test]
    public async Task Should_end_the_membership_and_delete_nothing()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await CreateInviteCodeAsync(group, alice, maxUses: 5);
        var before = await CountRowsAsync();

        var left = await SendAsync(new LeaveGroup(group), bob);

        left.Should().Be(new LeftGroupDto(group.Value, GroupStatus.Active));
        (await CountRowsAsync()).Should().Be(before with { AuditEvents = before.AuditEvents + 1 });
        (await WithDbAsync(db => db.Memberships.SingleAsync(m => m.UserId == bob)))
            .LeftAt.Should()
            .NotBeNull();
        (await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "group.member-left")))
            .Should()
            .Be(1);
    }

    // Audit 003 #2: the old backend deleted the group and everything in it when its last member left.
    [Test]
    public async Task Should_archive_the_group_when_the_last_member_leaves_and_delete_nothing()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await SendAsync(new LeaveGroup(group), bob);
        await CreateInviteCodeAsync(group, alice, maxUses: 5);
        var before = await CountRowsAsync();

        var left = await SendAsync(new LeaveGroup(group), alice);

        left.GroupStatus.Should().Be(GroupStatus.Archived);
        (await CountRowsAsync()).Should().Be(before with { AuditEvents = before.AuditEvents + 2 });
        var stored = await WithDbAsync(db => db.Groups.AsNoTracking().SingleAsync());
        (stored.Status, stored.DeletedAt)
            .Should()
            .Be((GroupStatus.Archived, (DateTimeOffset?)null));
        (await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "group.archived")))
            .Should()
            .Be(1);
    }

    [Test]
    public async Task Should_archive_once_when_the_last_two_owners_leave_at_the_same_time()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await SendAsync(new ChangeMemberRole(group, bob, GroupRole.Owner), alice);
        UserId[] owners = [alice, bob];

        var failures = await RaceOnGroupAsync(
            group,
            2,
            i => SendAsync(new LeaveGroup(group), owners[i])
        );

        failures.Should().AllSatisfy(f => f.Should().BeNull());
        var stored = await WithDbAsync(db =>
            db.Groups.Include(g => g.Memberships).AsNoTracking().SingleAsync()
        );
        stored.Status.Should().Be(GroupStatus.Archived);
        stored.ActiveMembers.Should().BeEmpty();
    }

    [Test]
    public async Task Should_refuse_the_last_owner_while_other_members_remain()
    {
        var (group, alice) = await CreateGroupAsync();
        await AddMemberAsync(group, alice);

        var act = () => SendAsync(new LeaveGroup(group), alice);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("group.last-owner");
        (await ReadAsync(group, alice)).MyRole.Should().Be(GroupRole.Owner);
    }

    [Test]
    public async Task Should_refuse_while_the_members_balance_is_open_and_name_the_currency()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await OpenBalanceAsync(group, bob, "CHF");

        var act = () => SendAsync(new LeaveGroup(group), bob);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .WithMessage("*CHF*")
            .Which.Code.Should()
            .Be("balance.open");
        (await ReadAsync(group, bob)).MyRole.Should().Be(GroupRole.Member);
    }

    [Test]
    public async Task Should_answer_not_found_to_a_non_member()
    {
        var (group, _) = await CreateGroupAsync();

        var act = async () => await SendAsync(new LeaveGroup(group), await CreateUserAsync());

        await act.Should().ThrowAsync<NotFoundException>();
    }
}
