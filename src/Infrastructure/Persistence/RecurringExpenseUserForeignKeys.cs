using Microsoft.EntityFrameworkCore.Migrations;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// The RESTRICT foreign key from a recurring expense's creator to the users table, added by name
/// like <see cref="ExpenseUserForeignKeys"/> (EF cannot relate the strongly typed UserId to
/// Identity's Guid key): call <see cref="Add"/> in Up and <see cref="Drop"/> in Down of the
/// migration that creates <c>recurring_expenses</c>.
/// </summary>
internal static class RecurringExpenseUserForeignKeys
{
    private const string Name = "fk_recurring_expenses_asp_net_users_created_by_user_id";

    public static void Add(MigrationBuilder migration) =>
        migration.AddForeignKey(
            name: Name,
            table: "recurring_expenses",
            column: "created_by_user_id",
            principalTable: "asp_net_users",
            principalColumn: "id",
            onDelete: ReferentialAction.Restrict
        );

    public static void Drop(MigrationBuilder migration) =>
        migration.DropForeignKey(name: Name, table: "recurring_expenses");
}
