using AwesomeAssertions;
using Ledger.Application.Operations.Commands.PurgeGroupsPastRestoreWindow;
using Ledger.Domain.Audit;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Operations;

public sealed class PurgeGroupsPastRestoreWindowTests : FunctionalTest
{
    [Test]
    public async Task Should_remove_only_groups_past_the_window_with_their_rows_and_keep_the_audit_trail()
    {
        var (due, alice) = await CreateGroupAsync();
        await AddMemberAsync(due, alice);
        await CreateInviteCodeAsync(due, alice);
        await DeleteGroupAsync(due, alice);
        Clock.Advance(TimeSpan.FromDays(20));
        var (recent, bob) = await CreateGroupAsync();
        await DeleteGroupAsync(recent, bob);
        var (active, _) = await CreateGroupAsync();
        var auditOfDueBefore = await AuditCountAsync(due);
        Clock.Advance(TimeSpan.FromDays(11));

        var first = await SendAsSystemAsync(new PurgeGroupsPastRestoreWindow());
        var retry = await SendAsSystemAsync(new PurgeGroupsPastRestoreWindow());

        first.Summary.Should().Be("Purged 1 groups past their restore window.");
        first.NeedsAttention.Should().BeFalse();
        retry.Summary.Should().Be("Purged 0 groups past their restore window.");
        var groups = await WithDbAsync(db => db.Groups.Select(g => g.Id).ToListAsync());
        groups.Should().BeEquivalentTo([recent, active]);
        (await RowsOfAsync(due)).Should().Be(0);
        (await RowsOfAsync(recent)).Should().BeGreaterThan(0);
        (await AuditCountAsync(due)).Should().Be(auditOfDueBefore + 1);
        var purged = await WithDbAsync(db =>
            db.AuditEvents.SingleAsync(a => a.GroupId == due && a.Action == "group.purged")
        );
        (purged.ActorUserId, purged.ActorClientId).Should().Be(((UserId?)null, "ledger.worker"));
    }

    [Test]
    public async Task Should_remove_the_money_lists_and_chores_of_a_purged_group_too()
    {
        var flat = await CreateFlatAsync();
        var voided = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        await SendAsync(Void(voided), flat.Ana);
        var list = await CreateGroupListAsync(flat.Group, flat.Ben);
        await AddItemAsync(list, flat.Ben);
        var chore = await CreateGroupChoreAsync(flat.Group, flat.Ana);
        await CompleteOpenAsync(chore, flat.Ana);
        await DeleteGroupAsync(flat.Group, flat.Ana);
        Clock.Advance(Group.RestoreWindow + TimeSpan.FromDays(1));

        var report = await SendAsSystemAsync(new PurgeGroupsPastRestoreWindow());

        report.Summary.Should().Be("Purged 1 groups past their restore window.");
        var left = await WithDbAsync(async db =>
            await db.Expenses.CountAsync()
            + await db.Lists.CountAsync()
            + await db.ListItems.CountAsync()
            + await db.Chores.CountAsync()
            + await db.ChoreAssignments.CountAsync()
            + await db.ChoreEvents.CountAsync()
            + await db.Groups.CountAsync()
        );
        left.Should().Be(0);
        (await CountAsync<AuditEvent>()).Should().BeGreaterThan(0);
    }

    [Test]
    public async Task Should_skip_and_report_a_deleted_group_whose_balances_are_not_zero()
    {
        var (group, alice) = await CreateGroupAsync();
        await DeleteGroupAsync(group, alice);
        // Cannot happen through the use cases (deletion needs zero balances); the purge checks anyway.
        await OpenBalanceAsync(group, alice, "EUR");
        Clock.Advance(Group.RestoreWindow + TimeSpan.FromDays(1));

        var report = await SendAsSystemAsync(new PurgeGroupsPastRestoreWindow());

        report.NeedsAttention.Should().BeTrue();
        report.Summary.Should().Contain(group.ToString());
        (await CountAsync<Group>()).Should().Be(1);
    }

    [Test]
    public async Task Should_know_every_table_of_group_data_it_must_delete()
    {
        var groupOwned = await WithDbAsync(db =>
            Task.FromResult(
                db.Model.GetEntityTypes()
                    .Where(e =>
                        e.ClrType == typeof(Group)
                        || e.FindProperty(nameof(Membership.GroupId)) is not null
                    )
                    .Select(e => e.ClrType)
                    .Where(t => t != typeof(AuditEvent))
                    .ToList()
            )
        );

        PurgeGroupsPastRestoreWindowHandler
            .DeletionOrder.Should()
            .BeEquivalentTo(
                groupOwned,
                "a purge that misses a table would fail on its foreign key"
            );
    }

    private static Task<int> AuditCountAsync(GroupId group) =>
        WithDbAsync(db => db.AuditEvents.CountAsync(a => a.GroupId == group));

    private static Task<int> RowsOfAsync(GroupId group) =>
        WithDbAsync(async db =>
            await db.Memberships.CountAsync(m => m.GroupId == group)
            + await db.Invites.CountAsync(i => i.GroupId == group)
            + await db.GroupDeletionRequests.CountAsync(r => r.GroupId == group)
            + await db.MemberBalances.CountAsync(b => b.GroupId == group)
        );
}
