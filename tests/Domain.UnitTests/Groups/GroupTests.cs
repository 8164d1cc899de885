using AwesomeAssertions;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;

namespace Ledger.Domain.UnitTests.Groups;

public sealed class GroupTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Settled = [];

    private readonly UserId _owner = UserId.New();
    private readonly UserId _member = UserId.New();

    private Group GroupWithTwoMembers()
    {
        var group = Group.Create("Flat", "EUR", "Europe/Berlin", _owner, Now);
        group.CreateInvite(_owner, "code-1", Now, Now.AddDays(1), maxUses: 5);
        group.Join("code-1", _member, Now);
        return group;
    }

    [Test]
    public void Should_make_the_creator_the_owner()
    {
        var group = Group.Create("Flat", "EUR", "Europe/Berlin", _owner, Now);

        group.ActiveMembershipOf(_owner)!.Role.Should().Be(GroupRole.Owner);
        group.Version.Should().Be(1);
    }

    [Test]
    public void Should_archive_and_keep_everything_when_the_last_member_leaves()
    {
        var group = Group.Create("Flat", "EUR", "Europe/Berlin", _owner, Now);

        group.Leave(_owner, Settled, Now);

        group.Status.Should().Be(GroupStatus.Archived);
        group.Memberships.Should().ContainSingle().Which.LeftAt.Should().Be(Now);
    }

    [Test]
    public void Should_refuse_the_last_owner_leaving_while_others_remain()
    {
        var group = GroupWithTwoMembers();

        var act = () => group.Leave(_owner, Settled, Now);

        act.Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("group.last-owner");
    }

    [Test]
    public void Should_let_the_owner_leave_after_transferring_ownership()
    {
        var group = GroupWithTwoMembers();

        group.TransferOwnership(_owner, _member);
        group.Leave(_owner, Settled, Now);

        group.ActiveMembershipOf(_member)!.Role.Should().Be(GroupRole.Owner);
        group.Status.Should().Be(GroupStatus.Active);
    }

    [Test]
    public void Should_refuse_leaving_while_a_balance_is_open_and_name_the_currency()
    {
        var group = GroupWithTwoMembers();

        var act = () => group.Leave(_member, ["EUR"], Now);

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("*EUR*");
    }

    [Test]
    public void Should_refuse_an_expired_or_used_up_invite()
    {
        var group = Group.Create("Flat", "EUR", "Europe/Berlin", _owner, Now);
        group.CreateInvite(_owner, "once", Now, Now.AddHours(1), maxUses: 1);
        group.Join("once", _member, Now);

        var usedUp = () => group.Join("once", UserId.New(), Now);
        usedUp
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("invite.unusable");

        group.CreateInvite(_owner, "late", Now, Now.AddHours(1), maxUses: 5);
        var expired = () => group.Join("late", UserId.New(), Now.AddHours(2));
        expired
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("invite.unusable");
    }

    [Test]
    public void Should_delete_only_with_a_matching_token_and_the_exact_name()
    {
        var group = GroupWithTwoMembers();
        group.RequestDeletion(_owner, "hash-1", Now);

        var wrongToken = () => group.Delete(_owner, "hash-2", "Flat", Settled, Now);
        var wrongName = () => group.Delete(_owner, "hash-1", "flat", Settled, Now);

        wrongToken
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("group.deletion-token");
        wrongName
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("group.deletion-name");
        group.Delete(_owner, "hash-1", "Flat", Settled, Now);
        group.Status.Should().Be(GroupStatus.Deleted);
    }

    [Test]
    public void Should_refuse_a_confirmation_token_after_it_expired()
    {
        var group = GroupWithTwoMembers();
        group.RequestDeletion(_owner, "hash-1", Now);

        var act = () =>
            group.Delete(_owner, "hash-1", "Flat", Settled, Now + GroupDeletionRequest.Validity);

        act.Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("group.deletion-token");
    }

    [Test]
    public void Should_restore_a_deleted_group_within_the_window_only()
    {
        var group = GroupWithTwoMembers();
        group.RequestDeletion(_owner, "hash", Now);
        group.Delete(_owner, "hash", "Flat", Settled, Now);

        var tooLate = () =>
            group.RestoreDeleted(_owner, Now + Group.RestoreWindow + TimeSpan.FromSeconds(1));
        tooLate
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("group.restore-window");

        group.RestoreDeleted(_owner, Now + Group.RestoreWindow);
        group.Status.Should().Be(GroupStatus.Active);
    }

    [Test]
    public void Should_bump_the_version_on_every_change()
    {
        var group = GroupWithTwoMembers();
        var before = group.Version;

        group.UpdateSettings("Flat 2", "USD", "America/New_York");

        group.Version.Should().Be(before + 1);
    }

    [Test]
    public void Should_refuse_transferring_ownership_to_someone_who_already_owns_the_group()
    {
        var group = GroupWithTwoMembers();
        group.ChangeRole(_member, GroupRole.Owner);

        var act = () => group.TransferOwnership(_owner, _member);

        act.Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("group.already-owner");
        group.ActiveMembershipOf(_owner)!.Role.Should().Be(GroupRole.Owner);
    }

    [Test]
    public void Should_refuse_demoting_the_last_owner()
    {
        var group = GroupWithTwoMembers();

        var act = () => group.ChangeRole(_owner, GroupRole.Member);

        act.Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("group.last-owner");
    }

    [Test]
    public void Should_refuse_removing_an_owner_or_a_member_with_an_open_balance()
    {
        var group = GroupWithTwoMembers();

        var owner = () => group.RemoveMember(_owner, Settled, Now);
        var indebted = () => group.RemoveMember(_member, ["JPY"], Now);

        owner
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("group.remove-owner");
        indebted.Should().Throw<BusinessRuleViolationException>().WithMessage("*JPY*");
        group.ActiveMembershipOf(_member).Should().NotBeNull();
    }

    [Test]
    public void Should_keep_the_membership_row_of_a_removed_member()
    {
        var group = GroupWithTwoMembers();

        group.RemoveMember(_member, Settled, Now);

        group.Memberships.Should().HaveCount(2);
        group.ActiveMembershipOf(_member).Should().BeNull();
    }

    [Test]
    public void Should_refuse_a_member_joining_twice_without_using_the_invite()
    {
        var group = GroupWithTwoMembers();

        var act = () => group.Join("code-1", _member, Now);

        act.Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("group.already-member");
        group.Invites.Single().Uses.Should().Be(1);
    }

    [Test]
    public void Should_let_only_a_former_owner_restore_an_archived_group()
    {
        var group = GroupWithTwoMembers();
        group.Leave(_member, Settled, Now);
        group.Leave(_owner, Settled, Now);

        var byFormerMember = () => group.RestoreArchived(_member, Now);
        byFormerMember
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("group.not-former-owner");

        group.RestoreArchived(_owner, Now);
        group.Status.Should().Be(GroupStatus.Active);
        group.ActiveMembershipOf(_owner)!.Role.Should().Be(GroupRole.Owner);
    }

    [Test]
    public void Should_refuse_changes_to_an_archived_or_deleted_group()
    {
        var archived = Group.Create("Flat", "EUR", "Europe/Berlin", _owner, Now);
        archived.Leave(_owner, Settled, Now);
        var deleted = GroupWithTwoMembers();
        deleted.RequestDeletion(_owner, "hash", Now);
        deleted.Delete(_owner, "hash", "Flat", Settled, Now);

        foreach (var group in new[] { archived, deleted })
        {
            var act = () => group.UpdateSettings("Other", "EUR", "Europe/Berlin");
            act.Should()
                .Throw<BusinessRuleViolationException>()
                .Which.Code.Should()
                .Be("group.not-active");
        }
    }

    [Test]
    public void Should_keep_deleting_impossible_while_a_balance_is_open()
    {
        var group = GroupWithTwoMembers();
        group.RequestDeletion(_owner, "hash", Now);

        var act = () => group.Delete(_owner, "hash", "Flat", ["EUR", "USD"], Now);

        act.Should().Throw<BusinessRuleViolationException>().WithMessage("*EUR, USD*");
        group.Status.Should().Be(GroupStatus.Active);
    }
}
