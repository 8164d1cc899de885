using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.ChangeMemberRole;
using Ledger.Application.Groups.Commands.RemoveMember;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class RemoveMemberTests : FunctionalTest
{
    [Test]
    public async Task Should_end_the_membership_keep_its_row_and_audit_it()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var before = await CountRowsAsync();

        await SendAsync(new RemoveMember(group, bob), alice);

        var after = await CountRowsAsync();
        after.Should().Be(before with { AuditEvents = before.AuditEvents + 1 });
        var membership = await WithDbAsync(db => db.Memberships.SingleAsync(m => m.UserId == bob));
        membership.LeftAt.Should().NotBeNull();
        var read = () => ReadAsync(group, bob);
        await read.Should().ThrowAsync<NotFoundException>();
        var audit = await WithDbAsync(db =>
            db.AuditEvents.SingleAsync(a => a.Action == "group.member-removed")
        );
        (audit.ActorUserId, audit.RecordId).Should().Be((alice, membership.Id.ToString()));
    }

    [Test]
    public async Task Should_refuse_while_the_member_has_an_open_balance_and_name_the_currency()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await OpenBalanceAsync(group, bob, "USD");

        var act = () => SendAsync(new RemoveMember(group, bob), alice);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Should()
            .Match<BusinessRuleViolationException>(e =>
                e.Code == "balance.open" && e.Message.Contains("USD")
            );
        (await ReadAsync(group, bob)).MyRole.Should().Be(GroupRole.Member);
    }

    [Test]
    public async Task Should_refuse_to_remove_an_owner()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await SendAsync(new ChangeMemberRole(group, bob, GroupRole.Owner), alice);

        var act = () => SendAsync(new RemoveMember(group, bob), alice);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("group.remove-owner");
    }

    [Test]
    public async Task Should_answer_not_found_for_a_user_who_is_not_a_member()
    {
        var (group, alice) = await CreateGroupAsync();

        var act = async () =>
            await SendAsync(new RemoveMember(group, await CreateUserAsync()), alice);

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Should_forbid_a_member_and_hide_the_group_from_a_stranger()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var carol = await AddMemberAsync(group, alice);
        var mallory = await CreateUserAsync();

        var byMember = () => SendAsync(new RemoveMember(group, carol), bob);
        var byStranger = () => SendAsync(new RemoveMember(group, carol), mallory);

        await byMember.Should().ThrowAsync<ForbiddenException>();
        await byStranger.Should().ThrowAsync<NotFoundException>();
        (await ReadAsync(group, carol)).MyRole.Should().Be(GroupRole.Member);
    }

    [Test]
    public async Task Should_reject_an_empty_user()
    {
        var (group, alice) = await CreateGroupAsync();

        var act = () => SendAsync(new RemoveMember(group, UserId.From(Guid.Empty)), alice);

        await act.Should().ThrowAsync<ValidationException>();
    }
}
