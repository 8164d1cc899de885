using AwesomeAssertions;
using FluentValidation;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.ChangeMemberRole;
using Ledger.Application.Groups.Commands.DeleteGroup;
using Ledger.Application.Groups.Commands.RequestGroupDeletion;
using Ledger.Application.Groups.Commands.RestoreDeletedGroup;
using Ledger.Application.Groups.Queries.ListMembers;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class DeleteGroupTests : FunctionalTest
{
    [Test]
    public async Task Should_soft_delete_with_the_token_and_the_exact_name_and_keep_every_row()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var read = await ReadAsync(group, alice);
        var confirmation = await SendAsync(new RequestGroupDeletion(group), alice);
        var before = await CountRowsAsync();

        await SendAsync(
            new DeleteGroup(group, confirmation.ConfirmationToken, read.Name, read.Version),
            alice
        );

        (await CountRowsAsync()).Should().Be(before with { AuditEvents = before.AuditEvents + 1 });
        var stored = await WithDbAsync(db => db.Groups.AsNoTracking().SingleAsync());
        (stored.Status, stored.DeletedBy).Should().Be((GroupStatus.Deleted, (UserId?)alice));
        (await WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "group.deleted")))
            .Should()
            .Be(1);
        foreach (var reader in new[] { alice, bob })
        {
            var get = () => ReadAsync(group, reader);
            var members = () => SendAsync(new ListMembers(group), reader);
            await get.Should().ThrowAsync<NotFoundException>();
            await members.Should().ThrowAsync<NotFoundException>();
        }
    }

    [Test]
    public async Task Should_refuse_a_wrong_token()
    {
        var (group, alice) = await CreateGroupAsync();
        var read = await ReadAsync(group, alice);
        await SendAsync(new RequestGroupDeletion(group), alice);

        var act = () =>
            SendAsync(new DeleteGroup(group, "not-the-token", read.Name, read.Version), alice);

        await ShouldBeRefusedAsync(act, "group.deletion-token", group, alice);
    }

    [Test]
    public async Task Should_refuse_an_expired_token()
    {
        var (group, alice) = await CreateGroupAsync();
        var read = await ReadAsync(group, alice);
        var confirmation = await SendAsync(new RequestGroupDeletion(group), alice);
        Clock.Advance(GroupDeletionRequest.Validity);

        var act = () =>
            SendAsync(
                new DeleteGroup(group, confirmation.ConfirmationToken, read.Name, read.Version),
                alice
            );

        await ShouldBeRefusedAsync(act, "group.deletion-token", group, alice);
    }

    [Test]
    public async Task Should_refuse_a_token_another_owner_requested()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await SendAsync(new ChangeMemberRole(group, bob, GroupRole.Owner), alice);
        var read = await ReadAsync(group, alice);
        var confirmation = await SendAsync(new RequestGroupDeletion(group), alice);

        var act = () =>
            SendAsync(
                new DeleteGroup(group, confirmation.ConfirmationToken, read.Name, read.Version),
                bob
            );

        await ShouldBeRefusedAsync(act, "group.deletion-token", group, alice);
    }

    [TestCase("upper")]
    [TestCase("trailing space")]
    [TestCase("prefix")]
    public async Task Should_refuse_a_wrongly_typed_name(string mistake)
    {
        var (group, alice) = await CreateGroupAsync();
        var read = await ReadAsync(group, alice);
        var confirmation = await SendAsync(new RequestGroupDeletion(group), alice);
        var typed = mistake switch
        {
            "upper" => read.Name.ToUpperInvariant(),
            "trailing space" => read.Name + " ",
            _ => read.Name[..^1],
        };

        var act = () =>
            SendAsync(
                new DeleteGroup(group, confirmation.ConfirmationToken, typed, read.Version),
                alice
            );

        await ShouldBeRefusedAsync(act, "group.deletion-name", group, alice);
    }

    [Test]
    public async Task Should_refuse_while_a_balance_is_open_and_name_the_currency()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await OpenBalanceAsync(group, bob, "GBP");
        var read = await ReadAsync(group, alice);
        var confirmation = await SendAsync(new RequestGroupDeletion(group), alice);

        var act = () =>
            SendAsync(
                new DeleteGroup(group, confirmation.ConfirmationToken, read.Name, read.Version),
                alice
            );

        (await ShouldBeRefusedAsync(act, "balance.open", group, alice))
            .Message.Should()
            .Contain("GBP");
    }

    [Test]
    public async Task Should_refuse_a_stale_version()
    {
        var (group, alice) = await CreateGroupAsync();
        var read = await ReadAsync(group, alice);
        await AddMemberAsync(group, alice);
        var confirmation = await SendAsync(new RequestGroupDeletion(group), alice);

        var act = () =>
            SendAsync(
                new DeleteGroup(group, confirmation.ConfirmationToken, read.Name, read.Version),
                alice
            );

        await act.Should().ThrowAsync<VersionConflictException>();
        (await ReadAsync(group, alice)).Status.Should().Be(GroupStatus.Active);
    }

    [Test]
    public async Task Should_not_accept_a_token_twice()
    {
        var (group, alice) = await CreateGroupAsync();
        var read = await ReadAsync(group, alice);
        var confirmation = await SendAsync(new RequestGroupDeletion(group), alice);
        await SendAsync(
            new DeleteGroup(group, confirmation.ConfirmationToken, read.Name, read.Version),
            alice
        );
        var restored = await SendAsync(new RestoreDeletedGroup(group), alice);

        var act = () =>
            SendAsync(
                new DeleteGroup(group, confirmation.ConfirmationToken, read.Name, restored.Version),
                alice
            );

        await ShouldBeRefusedAsync(act, "group.deletion-token", group, alice);
    }

    [Test]
    public async Task Should_forbid_a_member_and_hide_the_group_from_a_stranger()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        var mallory = await CreateUserAsync();
        var read = await ReadAsync(group, alice);
        var confirmation = await SendAsync(new RequestGroupDeletion(group), alice);
        var command = new DeleteGroup(
            group,
            confirmation.ConfirmationToken,
            read.Name,
            read.Version
        );

        var byMember = () => SendAsync(command, bob);
        var byStranger = () => SendAsync(command, mallory);

        await byMember.Should().ThrowAsync<ForbiddenException>();
        await byStranger.Should().ThrowAsync<NotFoundException>();
        (await ReadAsync(group, alice)).Status.Should().Be(GroupStatus.Active);
    }

    [Test]
    public async Task Should_reject_a_missing_token_name_or_version()
    {
        var (group, alice) = await CreateGroupAsync();

        var act = () => SendAsync(new DeleteGroup(group, "", "", 0), alice);

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Select(e => e.PropertyName)
            .Should()
            .BeEquivalentTo(["ConfirmationToken", "ConfirmationName", "ExpectedVersion"]);
    }

    private static async Task<BusinessRuleViolationException> ShouldBeRefusedAsync(
        Func<Task> act,
        string code,
        GroupId group,
        UserId owner
    )
    {
        var refusal = (await act.Should().ThrowAsync<BusinessRuleViolationException>()).Which;
        refusal.Code.Should().Be(code);
        (await ReadAsync(group, owner)).Status.Should().Be(GroupStatus.Active);
        return refusal;
    }
}
