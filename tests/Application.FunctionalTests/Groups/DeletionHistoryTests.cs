using AwesomeAssertions;
using Ledger.Application.Expenses;
using Ledger.Application.FunctionalTests.Expenses;
using Ledger.Application.Groups.Commands.JoinGroup;
using Ledger.Application.Operations.Commands.PurgeGroupsPastRestoreWindow;
using Ledger.Application.Settlements.Commands.PaySplit;
using Ledger.Application.Settlements.Commands.RecordSettlement;
using Ledger.Application.Users.Commands.DeleteMe;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Npgsql;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Groups;

/// <summary>
/// R8 with real history: deleting an account, or deleting and then purging a group, never
/// loses or changes a row of anybody else's financial history, and every balance stays as it
/// was. Every row of every group-owned table (expenses, payers, splits, split payments,
/// settlements, balances, memberships, lists, chores...) is read before and after and compared.
/// </summary>
public sealed class DeletionHistoryTests : ExpenseTest
{
    [Test]
    public async Task Should_keep_every_row_and_balance_of_both_groups_when_a_member_with_history_deletes_the_account()
    {
        // Ben has expenses, a split payment and settlements in two groups, and is square in both.
        var flat = await CreateFlatAsync();
        var (club, dora) = await CreateGroupAsync("Club");
        var eve = await AddMemberAsync(club, dora);
        await SendAsync(new JoinGroup(await CreateInviteCodeAsync(club, dora)), flat.Ben);
        var everyoneInClub = new[] { dora, flat.Ben, eve };

        // Ben pays 12.00 for himself and Cem; Cem pays him back, confirmed by Ben as the payee.
        await SendAsync(
            NewExpense(flat.Group, flat.Ben, "12.00", EqualAmong(flat.Ben, flat.Cem)),
            flat.Ben
        );
        await SendAsync(
            new RecordSettlement(flat.Group, flat.Cem, flat.Ben, "EUR", "6.00"),
            flat.Ben
        );
        // Ana pays 30.00 for all three; Ben pays 4.00 of his split, then settles the other 6.00.
        var groceries = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        await SendAsync(PayOf(groceries, flat.Ben, "4.00"), flat.Ben);
        await SendAsync(
            new RecordSettlement(flat.Group, flat.Ben, flat.Ana, "EUR", "6.00"),
            flat.Ana
        );
        // In the club, Dora pays 45.00 for all three; Ben settles his 15.00 with her.
        await SendAsync(NewExpense(club, dora, "45.00", EqualAmong(everyoneInClub)), dora);
        await SendAsync(new RecordSettlement(club, flat.Ben, dora, "EUR", "15.00"), dora);
        var groups = new[] { flat.Group, club };
        var balancesBefore = await AllBalancesAsync(groups, [flat.Ana, dora]);
        var before = await GroupRowsAsync(groups);
        var memberRowsOfBen = await RowsMentioningAsync("memberships", flat.Ben);

        await SendAsync(new DeleteMe(await GivePasswordAsync(flat.Ben)), flat.Ben);

        var after = await GroupRowsAsync(groups);
        (await AllBalancesAsync(groups, [flat.Ana, dora])).Should().BeEquivalentTo(balancesBefore);
        before
            .Keys.Should()
            .Contain([
                "expenses",
                "expense_payers",
                "expense_splits",
                "settlements",
                "member_balances",
            ]);
        before["split_payments"].Should().NotBeEmpty("the split payment is history too");
        foreach (var (table, rows) in before)
        {
            if (table is "audit_events" or "outbox_messages")
            {
                after[table].Should().Contain(rows, $"{table} only grows");
            }
            else if (table == "memberships")
            {
                // Ben's own memberships end; nobody else's changes.
                after[table].Except(rows).Should().HaveCount(memberRowsOfBen.Count);
                rows.Except(after[table]).Should().BeEquivalentTo(memberRowsOfBen);
            }
            else
            {
                after[table].Should().Equal(rows, $"no row of {table} may change or go");
            }
        }
    }

    [Test]
    public async Task Should_keep_every_row_and_balance_of_the_other_group_when_a_group_with_a_year_of_history_is_purged()
    {
        var flat = await CreateFlatAsync();
        // Ana and Ben share another group, with history of its own, which must not be touched.
        var (other, dora) = await CreateGroupAsync("Other");
        await SendAsync(new JoinGroup(await CreateInviteCodeAsync(other, dora)), flat.Ana);
        await SendAsync(new JoinGroup(await CreateInviteCodeAsync(other, dora)), flat.Ben);
        var everyoneInOther = new[] { dora, flat.Ana, flat.Ben };
        var dinner = await SendAsync(
            NewExpense(other, flat.Ana, "60.00", EqualAmong(everyoneInOther)),
            flat.Ana
        );
        await SendAsync(PayOf(dinner, flat.Ben, "5.00"), flat.Ben);
        await SendAsync(new RecordSettlement(other, dora, flat.Ana, "EUR", "20.00"), flat.Ana);

        // A year of monthly rent in the flat, a split payment, and settlements that square it.
        ExpenseDto? first = null;
        for (var month = 0; month < 12; month++)
        {
            var rent = await SendAsync(
                NewExpense(
                    flat.Group,
                    flat.Ana,
                    "900.00",
                    EqualAmong(flat.Everyone),
                    date: DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime)
                ),
                flat.Ana
            );
            first ??= rent;
            Clock.Advance(TimeSpan.FromDays(30));
        }

        await SendAsync(PayOf(first!, flat.Ben, "300.00"), flat.Ana);
        await SendAsync(
            new RecordSettlement(flat.Group, flat.Ben, flat.Ana, "EUR", "3300.00"),
            flat.Ana
        );
        await SendAsync(
            new RecordSettlement(flat.Group, flat.Cem, flat.Ana, "EUR", "3600.00"),
            flat.Ana
        );
        var flatRowsBefore = await GroupRowsAsync([flat.Group]);
        var balancesBefore = await AllBalancesAsync([other], [dora]);
        var before = await GroupRowsAsync([other]);
        var usersBefore = await UserRowsAsync([flat.Ana, flat.Ben, flat.Cem, dora]);

        await DeleteGroupAsync(flat.Group, flat.Ana);
        Clock.Advance(Group.RestoreWindow + TimeSpan.FromDays(1));
        var report = await SendAsSystemAsync(new PurgeGroupsPastRestoreWindow());

        report.Summary.Should().Be("Purged 1 groups past their restore window.");
        flatRowsBefore["expenses"].Should().HaveCount(12);
        var flatRowsAfter = await GroupRowsAsync([flat.Group]);
        flatRowsAfter
            .Where(t => t.Key != "audit_events")
            .Should()
            .OnlyContain(t => t.Value.Count == 0, "the purged group's own rows are gone");
        flatRowsAfter["audit_events"].Should().Contain(flatRowsBefore["audit_events"]);
        (await AllBalancesAsync([other], [dora])).Should().BeEquivalentTo(balancesBefore);
        var after = await GroupRowsAsync([other]);
        after.Should().HaveSameCount(before);
        foreach (var (table, rows) in before)
        {
            if (table == "audit_events")
            {
                after[table].Should().Contain(rows);
            }
            else
            {
                after[table]
                    .Should()
                    .Equal(rows, $"no row of {table} of the other group may change or go");
            }
        }

        (await UserRowsAsync([flat.Ana, flat.Ben, flat.Cem, dora])).Should().Equal(usersBefore);
    }

    private static PaySplit PayOf(ExpenseDto expense, UserId member, string amount) =>
        Settlements.SettlementScenarios.Pay(expense, member, amount);

    private static async Task<
        Dictionary<GroupId, Dictionary<string, Dictionary<UserId, string>>>
    > AllBalancesAsync(GroupId[] groups, UserId[] readers)
    {
        var result = new Dictionary<GroupId, Dictionary<string, Dictionary<UserId, string>>>();
        for (var i = 0; i < groups.Length; i++)
        {
            result[groups[i]] = await BalancesAsync(groups[i], readers[i]);
        }

        return result;
    }

    /// <summary>
    /// Every row, as JSON text in a stable order, of every table that belongs to these groups
    /// (the groups table itself without its version, which counts membership changes).
    /// </summary>
    private static async Task<Dictionary<string, List<string>>> GroupRowsAsync(GroupId[] groups)
    {
        var ids = groups.Select(g => g.Value).ToArray();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (
            var list = new NpgsqlCommand(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'group_id' ORDER BY table_name",
                connection
            )
        )
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new Dictionary<string, List<string>>
        {
            ["groups"] = await ReadRowsAsync(
                connection,
                "SELECT (to_jsonb(t) - 'version')::text FROM groups t WHERE id = ANY(@ids) ORDER BY 1",
                ids
            ),
        };
        foreach (var table in tables)
        {
            rows[table] = await ReadRowsAsync(
                connection,
                $"SELECT to_jsonb(t)::text FROM \"{table}\" t WHERE group_id = ANY(@ids) ORDER BY 1",
                ids
            );
        }

        return rows;
    }

    private static async Task<List<string>> RowsMentioningAsync(string table, UserId user)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return await ReadRowsAsync(
            connection,
            $"SELECT to_jsonb(t)::text FROM \"{table}\" t WHERE user_id = ANY(@ids) ORDER BY 1",
            [user.Value]
        );
    }

    private static async Task<List<string>> UserRowsAsync(UserId[] users)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return await ReadRowsAsync(
            connection,
            "SELECT to_jsonb(t)::text FROM asp_net_users t WHERE id = ANY(@ids) ORDER BY 1",
            users.Select(u => u.Value).ToArray()
        );
    }

    private static async Task<List<string>> ReadRowsAsync(
        NpgsqlConnection connection,
        string sql,
        Guid[] ids
    )
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
