using AwesomeAssertions;
using Ledger.Application.FunctionalTests.Chores;
using Ledger.Application.FunctionalTests.Lists;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Ledger.Application.FunctionalTests.Groups.GroupScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Persistence;

/// <summary>
/// Lists and chores in the migrated database: every foreign key restricts (audit 003 #1), a row
/// is personal or a group's and never both or neither, and deleting a list, a chore or the
/// group they belong to is refused while anything depends on it.
/// </summary>
public sealed class HouseholdSchemaTests : FunctionalTest
{
    private static readonly string[] HouseholdTables =
    [
        "lists",
        "list_items",
        "chores",
        "chore_participants",
        "chore_assignments",
        "chore_events",
    ];

    [Test]
    public async Task Should_restrict_every_foreign_key_of_lists_and_chores()
    {
        var rules = await WithDbAsync(async db =>
            await db
                .Database.SqlQueryRaw<ForeignKeyRule>(
                    """
                    SELECT tc.table_name AS "Table", rc.constraint_name AS "Constraint", rc.delete_rule AS "Rule"
                    FROM information_schema.referential_constraints rc
                    JOIN information_schema.table_constraints tc
                      ON tc.constraint_name = rc.constraint_name
                     AND tc.constraint_schema = rc.constraint_schema
                    WHERE tc.table_schema = 'public'
                    """
                )
                .ToListAsync()
        );

        var household = rules.Where(r => HouseholdTables.Contains(r.Table)).ToList();
        household.Select(r => r.Table).Distinct().Should().BeEquivalentTo(HouseholdTables);
        household.Should().OnlyContain(r => r.Rule == "RESTRICT");
        household
            .Select(r => r.Constraint)
            .Should()
            .Contain([
                "fk_lists_asp_net_users_owner_user_id",
                "fk_chores_asp_net_users_owner_user_id",
            ]);
    }

    [TestCase("lists", "UPDATE lists SET owner_user_id = {0}")]
    [TestCase("chores", "UPDATE chores SET owner_user_id = {0}")]
    public async Task Should_refuse_a_row_that_is_both_personal_and_a_groups(
        string table,
        string setOwner
    )
    {
        var (group, alice) = await CreateGroupAsync();
        if (table == "lists")
        {
            await ListScenarios.CreateGroupListAsync(group, alice);
        }
        else
        {
            await ChoreScenarios.CreateGroupChoreAsync(group, alice);
        }

        var act = () => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(setOwner, alice.Value));

        (await act.Should().ThrowAsync<PostgresException>())
            .Which.SqlState.Should()
            .Be(PostgresErrorCodes.CheckViolation);
    }

    [Test]
    public async Task Should_refuse_deleting_a_group_list_or_chore_that_has_dependent_rows()
    {
        var (group, alice) = await CreateGroupAsync();
        var list = await ListScenarios.CreateGroupListAsync(group, alice);
        await ListScenarios.AddItemAsync(list, alice);
        await ChoreScenarios.CreateGroupChoreAsync(group, alice);

        foreach (
            var delete in new[] { "DELETE FROM lists", "DELETE FROM chores", "DELETE FROM groups" }
        )
        {
            var act = () => WithDbAsync(db => db.Database.ExecuteSqlRawAsync(delete));

            (await act.Should().ThrowAsync<PostgresException>())
                .Which.SqlState.Should()
                .Be(PostgresErrorCodes.ForeignKeyViolation);
        }
    }

    private sealed record ForeignKeyRule(string Table, string Constraint, string Rule);
}
