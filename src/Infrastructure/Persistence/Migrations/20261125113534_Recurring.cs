using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Recurring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recurring_expenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(
                        type: "character varying(200)",
                        maxLength: 200,
                        nullable: false
                    ),
                    category = table.Column<string>(
                        type: "character varying(32)",
                        maxLength: 32,
                        nullable: false
                    ),
                    note = table.Column<string>(
                        type: "character varying(2000)",
                        maxLength: 2000,
                        nullable: true
                    ),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    total_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    split_type = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    frequency = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    interval = table.Column<int>(type: "integer", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    weekday_mask = table.Column<int>(type: "integer", nullable: false),
                    until_date = table.Column<DateOnly>(type: "date", nullable: true),
                    max_occurrences = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    generate_from = table.Column<DateOnly>(type: "date", nullable: false),
                    last_occurrence_date = table.Column<DateOnly>(type: "date", nullable: true),
                    generated_count = table.Column<int>(type: "integer", nullable: false),
                    next_occurrence_date = table.Column<DateOnly>(type: "date", nullable: true),
                    next_due_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    suspended_reason = table.Column<string>(
                        type: "character varying(64)",
                        maxLength: 64,
                        nullable: true
                    ),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    updated_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    ended_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                    members = table.Column<string>(type: "jsonb", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recurring_expenses", x => new { x.group_id, x.id });
                    table.CheckConstraint(
                        "ck_recurring_expenses_interval",
                        "interval BETWEEN 1 AND 366"
                    );
                    table.CheckConstraint(
                        "ck_recurring_expenses_one_creator",
                        "(created_by_user_id IS NULL) <> (created_by_client_id IS NULL)"
                    );
                    table.CheckConstraint(
                        "ck_recurring_expenses_total_positive",
                        "total_minor_units > 0"
                    );
                    table.ForeignKey(
                        name: "fk_recurring_expenses_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "recurring_expense_occurrences",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recurring_expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_date = table.Column<DateOnly>(type: "date", nullable: false),
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey(
                        "pk_recurring_expense_occurrences",
                        x => new
                        {
                            x.group_id,
                            x.recurring_expense_id,
                            x.occurrence_date,
                        }
                    );
                    table.ForeignKey(
                        name: "fk_recurring_expense_occurrences_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_recurring_expense_occurrences_recurring_expenses_group_id_r",
                        columns: x => new { x.group_id, x.recurring_expense_id },
                        principalTable: "recurring_expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expense_occurrences_group_id_expense_id",
                table: "recurring_expense_occurrences",
                columns: new[] { "group_id", "expense_id" },
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expenses_group_id_created_at",
                table: "recurring_expenses",
                columns: new[] { "group_id", "created_at" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expenses_id",
                table: "recurring_expenses",
                column: "id",
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expenses_next_due_at",
                table: "recurring_expenses",
                column: "next_due_at",
                filter: "next_due_at IS NOT NULL"
            );

            RecurringExpenseUserForeignKeys.Add(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RecurringExpenseUserForeignKeys.Drop(migrationBuilder);

            migrationBuilder.DropTable(name: "recurring_expense_occurrences");

            migrationBuilder.DropTable(name: "recurring_expenses");
        }
    }
}
