using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.RestoreDeletedGroup;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class RestoreDeletedGroupTests : FunctionalTest
{
    [Test]
    public async Task Should_restore_within_thirty_days_with_its_members()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await DeleteGroupAsync(group, alice);
        Clock.Advance(Group.RestoreWindow - TimeSpan.FromMinutes(1));

        var restored = await SendAsync(new RestoreDeletedGroup(group), alice);

        restored.Status.Should().Be(GroupStatus.Active);
        (await ReadAsync(group, bob)).MyRole.Should().Be(GroupRole.Member);
        var stored = await WithDbAsync(db => db.Groups.AsNoTracking().SingleAsync());
        (stored.DeletedAt, stored.DeletedBy).Should().Be(((DateTimeOffset?)null, (UserId?)null));
        (
            await WithDbAsync(db =>
                db.AuditEvents.CountAsync(a => a.Action == "group.deletion-restored")
            )
        )
            .Should()
            .Be(1);
    }

    [Test]
    public async Task Should_refuse_after_thirty_days()
    {
        var (group, alice) = await CreateGroupAsync();
        await DeleteGroupAsync(group, alice);
        Clock.Advance(Group.RestoreWindow + TimeSpan.FromMinutes(1));

        var act = () => SendAsync(new RestoreDeletedGroup(group), alice);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("group.restore-window");
        (await WithDbAsync(db => db.Groups.AsNoTracking().SingleAsync()))
            .Status.Should()
            .Be(GroupStatus.Deleted);
    }

    [Test]
    public async Task Should_forbid_a_member_and_hide_the_group_from_a_stranger()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await DeleteGroupAsync(group, alice);
        var mallory = await CreateUserAsync();

        var byMember = () => SendAsync(new RestoreDeletedGroup(group), bob);
        var byStranger = () => SendAsync(new RestoreDeletedGroup(group), mallory);

        await byMember.Should().ThrowAsync<ForbiddenException>();
        await byStranger.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Should_refuse_a_group_that_is_not_deleted()
    {
        var (group, alice) = await CreateGroupAsync();

        var act = () => SendAsync(new RestoreDeletedGroup(group), alice);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("group.not-deleted");
    }
}
