using Microsoft.EntityFrameworkCore.Migrations;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// The RESTRICT foreign keys from the receipts table to the users table (uploader, detacher),
/// added by name as for expenses (<see cref="ExpenseUserForeignKeys"/>): EF cannot relate the
/// strongly typed UserId to Identity's Guid key. Called by hand from the Data migration.
/// </summary>
internal static class ReceiptUserForeignKeys
{
    private static readonly string[] Columns = ["uploaded_by_user_id", "detached_by_user_id"];

    public static void Add(MigrationBuilder migration)
    {
        foreach (var column in Columns)
        {
            migration.AddForeignKey(
                name: Name(column),
                table: "receipts",
                column: column,
                principalTable: "asp_net_users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict
            );
        }
    }

    public static void Drop(MigrationBuilder migration)
    {
        foreach (var column in Columns)
        {
            migration.DropForeignKey(name: Name(column), table: "receipts");
        }
    }

    private static string Name(string column) => $"fk_receipts_asp_net_users_{column}";
}
