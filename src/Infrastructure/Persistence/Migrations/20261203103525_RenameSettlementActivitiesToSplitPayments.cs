using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Split payments have one name everywhere (ADR 0014's companion, docs/requirements.md P3): the
    /// table, its key, indexes, check constraints and foreign keys are renamed in place. Hand-written
    /// rather than scaffolded: the scaffold drops and recreates the table, which would lose every
    /// payment.
    /// </summary>
    public partial class RenameSettlementActivitiesToSplitPayments : Migration
    {
        private const string Old = "settlement_activities";
        private const string New = "split_payments";

        private static readonly string[] Constraints =
        [
            "pk_{0}",
            "ck_{0}_amount_positive",
            "ck_{0}_one_recorder",
            "ck_{0}_void_complete",
            "fk_{0}_expense_splits_group_id_split_id",
            "fk_{0}_expenses_group_id_expense_id",
            "fk_{0}_asp_net_users_debtor_user_id",
            "fk_{0}_asp_net_users_payee_user_id",
            "fk_{0}_asp_net_users_recorded_by_user_id",
            "fk_{0}_asp_net_users_voided_by_user_id",
        ];

        private static readonly string[] Indexes =
        [
            "ix_{0}_debtor_user_id",
            "ix_{0}_group_id_expense_id_id",
            "ix_{0}_group_id_split_id",
            "ix_{0}_payee_user_id",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            Rename(migrationBuilder, Old, New);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            Rename(migrationBuilder, New, Old);

        private static string Named(string pattern, string table) =>
            pattern.Replace("{0}", table, StringComparison.Ordinal);

        private static void Rename(MigrationBuilder migrationBuilder, string from, string to)
        {
            migrationBuilder.RenameTable(name: from, newName: to);
            foreach (var constraint in Constraints)
            {
                migrationBuilder.Sql(
                    $"ALTER TABLE {to} RENAME CONSTRAINT {Named(constraint, from)} TO {Named(constraint, to)};"
                );
            }

            foreach (var index in Indexes)
            {
                migrationBuilder.RenameIndex(
                    name: Named(index, from),
                    newName: Named(index, to),
                    table: to
                );
            }
        }
    }
}
