using Microsoft.EntityFrameworkCore.Migrations;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// The RESTRICT foreign keys from the settlement tables to the users table, added by name like
/// <see cref="ExpenseUserForeignKeys"/>: call <see cref="Add"/> in Up and <see cref="Drop"/> in
/// Down of the migration that creates the settlement tables.
/// </summary>
internal static class SettlementUserForeignKeys
{
    private static readonly (string Table, string Column)[] Columns =
    [
        ("settlements", "from_user_id"),
        ("settlements", "to_user_id"),
        ("settlements", "recorded_by_user_id"),
        ("settlements", "voided_by_user_id"),
        ("settlement_activities", "debtor_user_id"),
        ("settlement_activities", "payee_user_id"),
        ("settlement_activities", "recorded_by_user_id"),
        ("settlement_activities", "voided_by_user_id"),
    ];

    public static void Add(MigrationBuilder migration)
    {
        foreach (var (table, column) in Columns)
        {
            migration.AddForeignKey(
                name: Name(table, column),
                table: table,
                column: column,
                principalTable: "asp_net_users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict
            );
        }
    }

    public static void Drop(MigrationBuilder migration)
    {
        foreach (var (table, column) in Columns)
        {
            migration.DropForeignKey(name: Name(table, column), table: table);
        }
    }

    private static string Name(string table, string column) => $"fk_{table}_asp_net_users_{column}";
}
