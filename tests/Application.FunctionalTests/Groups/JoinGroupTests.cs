using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Common.Security;
using Ledger.Application.Groups.Commands.JoinGroup;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Application.Groups.Queries.ListMyGroups;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class JoinGroupTests : FunctionalTest
{
    [Test]
    public async Task Should_join_as_a_member_use_the_invite_and_audit_it()
    {
        var (group, alice) = await CreateGroupAsync();
        var code = await CreateInviteCodeAsync(group, alice, maxUses: 2);
        var bob = await CreateUserAsync();

        var joined = await SendAsync(new JoinGroup(code), bob);

        joined.Id.Should().Be(group.Value);
        joined.MyRole.Should().Be(GroupRole.Member);
        (await ReadAsync(group, bob)).MyRole.Should().Be(GroupRole.Member);
        (await WithDbAsync(db => db.Invites.SingleAsync())).Uses.Should().Be(1);
        var audit = await WithDbAsync(db =>
            db.AuditEvents.SingleAsync(a => a.Action == "group.member-joined")
        );
        (audit.GroupId, audit.ActorUserId).Should().Be((group, bob));
    }

    [Test]
    public async Task Should_answer_the_same_not_found_to_unknown_expired_used_up_and_archived_group_codes()
    {
        var (group, alice) = await CreateGroupAsync();
        var usedUp = await CreateInviteCodeAsync(group, alice, maxUses: 1);
        await SendAsync(new JoinGroup(usedUp), await CreateUserAsync());
        var expiring = await CreateInviteCodeAsync(group, alice, maxUses: 5);
        var (archived, carol) = await CreateGroupAsync();
        var ofArchived = await CreateInviteCodeAsync(archived, carol, maxUses: 5);
        await SendAsync(new LeaveGroup(archived), carol);
        Clock.Advance(TimeSpan.FromDays(2));
        var stranger = await CreateUserAsync();

        var messages = new List<string>();
        foreach (var code in new[] { SecretTokens.Create(), usedUp, expiring, ofArchived })
        {
            var act = () => SendAsync(new JoinGroup(code), stranger);
            messages.Add((await act.Should().ThrowAsync<NotFoundException>()).Which.Message);
        }

        messages.Distinct().Should().ContainSingle();
        (await SendAsync(new ListMyGroups(), stranger)).Items.Should().BeEmpty();
    }

    [Test]
    public async Task Should_let_exactly_one_of_ten_concurrent_joiners_use_a_single_use_invite()
    {
        var (group, alice) = await CreateGroupAsync();
        var code = await CreateInviteCodeAsync(group, alice, maxUses: 1);
        var joiners = new List<UserId>();
        for (var i = 0; i < 10; i++)
        {
            joiners.Add(await CreateUserAsync());
        }

        var failures = await RaceOnGroupAsync(
            group,
            10,
            i => SendAsync(new JoinGroup(code), joiners[i])
        );

        failures.Count(f => f is null).Should().Be(1);
        failures.Where(f => f is not null).Should().AllBeOfType<NotFoundException>();
        (await WithDbAsync(db => db.Memberships.CountAsync(m => m.GroupId == group)))
            .Should()
            .Be(2);
        (await WithDbAsync(db => db.Invites.SingleAsync())).Uses.Should().Be(1);
    }

    [Test]
    public async Task Should_let_as_many_concurrent_joiners_in_as_the_invite_has_uses()
    {
        var (group, alice) = await CreateGroupAsync();
        var code = await CreateInviteCodeAsync(group, alice, maxUses: 3);
        var joiners = new List<UserId>();
        for (var i = 0; i < 6; i++)
        {
            joiners.Add(await CreateUserAsync());
        }

        var failures = await RaceOnGroupAsync(
            group,
            6,
            i => SendAsync(new JoinGroup(code), joiners[i])
        );

        failures.Count(f => f is null).Should().Be(3);
        failures.Where(f => f is not null).Should().AllBeOfType<NotFoundException>();
    }

    [Test]
    public async Task Should_refuse_a_member_joining_again_without_using_the_invite()
    {
        var (group, alice) = await CreateGroupAsync();
        var code = await CreateInviteCodeAsync(group, alice, maxUses: 5);

        var act = () => SendAsync(new JoinGroup(code), alice);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("group.already-member");
        (await WithDbAsync(db => db.Invites.SingleAsync())).Uses.Should().Be(0);
    }

    [Test]
    public async Task Should_reject_an_empty_or_oversized_code()
    {
        var bob = await CreateUserAsync();

        foreach (var code in new[] { "", new string('a', 65) })
        {
            var act = () => SendAsync(new JoinGroup(code), bob);
            await act.Should().ThrowAsync<ValidationException>();
        }
    }

    [Test]
    public async Task Should_require_a_signed_in_user()
    {
        var (group, alice) = await CreateGroupAsync();
        var code = await CreateInviteCodeAsync(group, alice);

        var act = () => SendAsync(new JoinGroup(code), asUser: null);

        await act.Should().ThrowAsync<UnauthenticatedException>();
        (await WithDbAsync(db => db.Invites.SingleAsync())).Uses.Should().Be(0);
    }

    [Test]
    public async Task Should_not_accept_the_stored_hash_as_a_code()
    {
        var (group, alice) = await CreateGroupAsync();
        await CreateInviteCodeAsync(group, alice);
        var hash = await WithDbAsync(db => db.Invites.Select(i => i.CodeHash).SingleAsync());
        var bob = await CreateUserAsync();

        var act = () => SendAsync(new JoinGroup(hash), bob);

        await act.Should().ThrowAsync<NotFoundException>();
    }
}
