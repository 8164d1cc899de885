using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Expenses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "expenses",
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
                    date = table.Column<DateOnly>(type: "date", nullable: false),
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
                    rest_split_type = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: true
                    ),
                    list_id = table.Column<Guid>(type: "uuid", nullable: true),
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
                    version = table.Column<int>(type: "integer", nullable: false),
                    voided_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    voided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    voided_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    void_reason = table.Column<string>(
                        type: "character varying(500)",
                        maxLength: 500,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expenses", x => new { x.group_id, x.id });
                    table.CheckConstraint(
                        "ck_expenses_one_creator",
                        "(created_by_user_id IS NULL) <> (created_by_client_id IS NULL)"
                    );
                    table.CheckConstraint("ck_expenses_total_positive", "total_minor_units > 0");
                    table.CheckConstraint(
                        "ck_expenses_void_complete",
                        "(voided_at IS NULL) = (void_reason IS NULL)"
                    );
                    table.ForeignKey(
                        name: "fk_expenses_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "expense_items",
                columns: table => new
                {
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    for_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    price_minor_units = table.Column<long>(type: "bigint", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey(
                        "pk_expense_items",
                        x => new
                        {
                            x.group_id,
                            x.expense_id,
                            x.list_item_id,
                        }
                    );
                    table.CheckConstraint(
                        "ck_expense_items_price_positive",
                        "price_minor_units > 0"
                    );
                    table.ForeignKey(
                        name: "fk_expense_items_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "expense_payers",
                columns: table => new
                {
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    paid_minor_units = table.Column<long>(type: "bigint", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey(
                        "pk_expense_payers",
                        x => new
                        {
                            x.group_id,
                            x.expense_id,
                            x.user_id,
                        }
                    );
                    table.CheckConstraint(
                        "ck_expense_payers_paid_positive",
                        "paid_minor_units > 0"
                    );
                    table.ForeignKey(
                        name: "fk_expense_payers_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "expense_splits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    weight = table.Column<decimal>(type: "numeric", nullable: true),
                    owed_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    covered_by_own_payment_minor_units = table.Column<long>(
                        type: "bigint",
                        nullable: false
                    ),
                    settled_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expense_splits", x => new { x.group_id, x.id });
                    table.CheckConstraint("ck_expense_splits_owed", "owed_minor_units >= 0");
                    table.CheckConstraint(
                        "ck_expense_splits_settled",
                        "settled_minor_units BETWEEN covered_by_own_payment_minor_units AND owed_minor_units"
                    );
                    table.ForeignKey(
                        name: "fk_expense_splits_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateIndex(
                name: "ix_expense_payers_group_id_user_id_expense_id",
                table: "expense_payers",
                columns: new[] { "group_id", "user_id", "expense_id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_expense_splits_group_id_expense_id_user_id",
                table: "expense_splits",
                columns: new[] { "group_id", "expense_id", "user_id" },
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_expense_splits_group_id_user_id_expense_id",
                table: "expense_splits",
                columns: new[] { "group_id", "user_id", "expense_id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_expenses_group_id_category_date_id",
                table: "expenses",
                columns: new[] { "group_id", "category", "date", "id" },
                descending: new[] { false, false, true, true }
            );

            migrationBuilder.CreateIndex(
                name: "ix_expenses_group_id_date_id",
                table: "expenses",
                columns: new[] { "group_id", "date", "id" },
                descending: new[] { false, true, true }
            );

            ExpenseUserForeignKeys.Add(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ExpenseUserForeignKeys.Drop(migrationBuilder);

            migrationBuilder.DropTable(name: "expense_items");

            migrationBuilder.DropTable(name: "expense_payers");

            migrationBuilder.DropTable(name: "expense_splits");

            migrationBuilder.DropTable(name: "expenses");
        }
    }
}
