using Microsoft.EntityFrameworkCore.Migrations;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// The RESTRICT foreign keys from expense tables to the users table. EF cannot relate the
/// strongly typed UserId to Identity's Guid key, so a migration adds them by name (as for
/// memberships): call <see cref="Add"/> in Up and <see cref="Drop"/> in Down of the migration
/// that creates the expense tables. Users are anonymized, never deleted, so these never fire.
/// </summary>
internal static class ExpenseUserForeignKeys
{
    private static readonly (string Table, string Column)[] Columns =
    [
        ("expenses", "created_by_user_id"),
        ("expenses", "voided_by_user_id"),
        ("expense_payers", "user_id"),
        ("expense_splits", "user_id"),
        ("expense_items", "for_user_id"),
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
