using AwesomeAssertions;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Application.Groups.Commands.RestoreArchivedGroup;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

public sealed class RestoreArchivedGroupTests : FunctionalTest
{
    [Test]
    public async Task Should_make_the_group_active_again_with_the_former_owner_as_owner()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await SendAsync(new LeaveGroup(group), bob);
        await SendAsync(new LeaveGroup(group), alice);

        var restored = await SendAsync(new RestoreArchivedGroup(group), alice);

        (restored.Status, restored.MyRole)
            .Should()
            .Be((GroupStatus.Active, (GroupRole?)GroupRole.Owner));
        (await ReadAsync(group, alice)).Status.Should().Be(GroupStatus.Active);
        (
            await WithDbAsync(db =>
                db.AuditEvents.CountAsync(a => a.Action == "group.archive-restored")
            )
        )
            .Should()
            .Be(1);
        // History stays: both ended memberships are kept next to the new one.
        (await CountAsync<Membership>())
            .Should()
            .Be(3);
    }

    [Test]
    public async Task Should_forbid_a_former_member_who_never_owned_it()
    {
        var (group, alice) = await CreateGroupAsync();
        var bob = await AddMemberAsync(group, alice);
        await SendAsync(new LeaveGroup(group), bob);
        await SendAsync(new LeaveGroup(group), alice);

        var act = () => SendAsync(new RestoreArchivedGroup(group), bob);

        await act.Should().ThrowAsync<ForbiddenException>();
    }

    [Test]
    public async Task Should_answer_not_found_to_someone_who_was_never_a_member()
    {
        var (group, alice) = await CreateGroupAsync();
        await SendAsync(new LeaveGroup(group), alice);

        var act = async () =>
            await SendAsync(new RestoreArchivedGroup(group), await CreateUserAsync());

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Test]
    public async Task Should_refuse_a_group_that_is_not_archived()
    {
        var (group, alice) = await CreateGroupAsync();

        var act = () => SendAsync(new RestoreArchivedGroup(group), alice);

        (await act.Should().ThrowAsync<BusinessRuleViolationException>())
            .Which.Code.Should()
            .Be("group.not-archived");
    }
}
