using AwesomeAssertions;
using Ledger.Application.Groups.Commands.ChangeMemberRole;
using Ledger.Application.Groups.Commands.LeaveGroup;
using Ledger.Application.Groups.Commands.RemoveMember;
using Ledger.Application.Groups.Commands.RestoreArchivedGroup;
using Ledger.Application.Groups.Commands.RestoreDeletedGroup;
using Ledger.Application.Groups.Commands.TransferOwnership;
using Ledger.Application.Groups.Commands.UpdateGroupSettings;
using Ledger.Domain.Groups;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

/// <summary>Every step of a group's life is audited, by ids only.</summary>
public sealed class GroupAuditTrailTests : FunctionalTest
{
    [Test]
    public async Task Should_record_every_step_with_ids_and_no_personal_data()
    {
        var (group, alice) = await CreateGroupAsync();
        await SendAsync(
            new UpdateGroupSettings(group, Pii.Name(), "EUR", "Europe/Paris", 1),
            alice
        );
        var bob = await AddMemberAsync(group, alice);
        var carol = await AddMemberAsync(group, alice);
        await SendAsync(new ChangeMemberRole(group, bob, GroupRole.Owner), alice);
        await SendAsync(new ChangeMemberRole(group, bob, GroupRole.Member), alice);
        await SendAsync(new RemoveMember(group, carol), alice);
        await SendAsync(new TransferOwnership(group, bob), alice);
        await SendAsync(new LeaveGroup(group), alice);
        await SendAsync(new LeaveGroup(group), bob);
        await SendAsync(new RestoreArchivedGroup(group), bob);
        await DeleteGroupAsync(group, bob);
        await SendAsync(new RestoreDeletedGroup(group), bob);

        var events = await WithDbAsync(db =>
            db.AuditEvents.AsNoTracking().OrderBy(a => a.OccurredAt).ToListAsync()
        );

        events
            .Select(e => e.Action)
            .Should()
            .Equal(
                "group.created",
                "group.settings-updated",
                "group.invite-created",
                "group.member-joined",
                "group.invite-created",
                "group.member-joined",
                "group.member-promoted",
                "group.member-demoted",
                "group.member-removed",
                "group.ownership-transferred",
                "group.member-left",
                "group.member-left",
                "group.archived",
                "group.archive-restored",
                "group.deletion-requested",
                "group.deleted",
                "group.deletion-restored"
            );
        events
            .Should()
            .AllSatisfy(e =>
            {
                e.GroupId.Should().Be(group);
                e.ActorUserId.Should().NotBeNull();
                Guid.TryParse(e.RecordId, out _).Should().BeTrue();
                e.Reason.Should().BeNull();
            });
        var everyText = string.Join(
            "|",
            events.SelectMany(e => new[] { e.Action, e.RecordType, e.RecordId, e.Reason })
        );
        Pii.Markers.Should().AllSatisfy(marker => everyText.Should().NotContain(marker));
    }
}
