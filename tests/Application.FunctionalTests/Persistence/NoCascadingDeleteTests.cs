using AwesomeAssertions;
using Ledger.Infrastructure.Persistence;
using Ledger.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Persistence;

/// <summary>
/// Audit 003 #1: no deletion may cascade into shared data. Checked twice: in the EF model (what
/// the code asks for) and in the migrated database (what is really there, including foreign
/// keys that migrations add by hand).
/// </summary>
public sealed class NoCascadingDeleteTests : FunctionalTest
{
    /// <summary>Tables private to their parent row: a user's own credentials, OpenIddict's token bookkeeping.</summary>
    private static readonly string[] PrivateChildTables =
    [
        "asp_net_user_claims",
        "asp_net_user_logins",
        "asp_net_user_roles",
        "asp_net_user_tokens",
        "asp_net_role_claims",
        "open_iddict_authorizations",
        "open_iddict_tokens",
    ];

    [Test]
    public async Task Should_have_no_cascading_foreign_key_in_the_model_outside_the_allow_list()
    {
        var forbidden = await WithDbAsync(db =>
            Task.FromResult(
                DeleteBehaviors
                    .ForbiddenCascades(db.Model)
                    .Select(fk => $"{fk.DeclaringEntityType.GetTableName()}: {fk.DeleteBehavior}")
                    .ToList()
            )
        );

        forbidden.Should().BeEmpty();
    }

    [Test]
    public async Task Should_have_no_cascading_foreign_key_in_the_database_outside_the_allow_list()
    {
        var deleting = await ForeignKeysThatDeleteOrChangeChildRowsAsync();

        // The query sees cascades where they are allowed, so it is able to see them elsewhere.
        deleting.Select(fk => fk.Table).Should().Contain("asp_net_user_claims");
        deleting
            .Where(fk => !PrivateChildTables.Contains(fk.Table))
            // Quartz's own tables (its schema, from its package): a trigger's detail rows go
            // with the trigger. They hold the schedule, never application data.
            .Where(fk => !QuartzSchema.IsQuartzTable(fk.Table))
            .Select(fk => $"{fk.Table}.{fk.Constraint}: {fk.Rule}")
            .Should()
            .BeEmpty();
    }

    [Test]
    public async Task Should_restrict_every_foreign_key_of_group_data()
    {
        var groupTables = new[]
        {
            "memberships",
            "invites",
            "group_deletion_requests",
            "member_balances",
            "expenses",
            "expense_payers",
            "expense_splits",
            "expense_items",
        };

        var rules = (await ForeignKeyRulesAsync())
            .Where(fk => groupTables.Contains(fk.Table))
            .ToList();

        rules.Select(fk => fk.Table).Distinct().Should().BeEquivalentTo(groupTables);
        rules.Should().OnlyContain(fk => fk.Rule == "RESTRICT");
    }

    private static async Task<List<ForeignKeyRule>> ForeignKeysThatDeleteOrChangeChildRowsAsync() =>
        (await ForeignKeyRulesAsync())
            .Where(fk => fk.Rule is not ("RESTRICT" or "NO ACTION"))
            .ToList();

    private static Task<List<ForeignKeyRule>> ForeignKeyRulesAsync() =>
        WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT tc.table_name, rc.constraint_name, rc.delete_rule
                FROM information_schema.referential_constraints rc
                JOIN information_schema.table_constraints tc
                  ON tc.constraint_name = rc.constraint_name
                 AND tc.constraint_schema = rc.constraint_schema
                WHERE tc.table_schema = 'public'
                """;
            var rules = new List<ForeignKeyRule>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rules.Add(
                    new ForeignKeyRule(
                        reader.GetString(0),
                        reader.GetString(1),
                        reader.GetString(2)
                    )
                );
            }

            return rules;
        });

    private sealed record ForeignKeyRule(string Table, string Constraint, string Rule);
}
