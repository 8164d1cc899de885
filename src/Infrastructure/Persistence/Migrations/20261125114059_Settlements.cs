using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Settlements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    caller = table.Column<string>(
                        type: "character varying(110)",
                        maxLength: 110,
                        nullable: false
                    ),
                    key = table.Column<string>(
                        type: "character varying(255)",
                        maxLength: 255,
                        nullable: false
                    ),
                    request_hash = table.Column<string>(
                        type: "character(64)",
                        fixedLength: true,
                        maxLength: 64,
                        nullable: false
                    ),
                    response_json = table.Column<string>(
                        type: "text",
                        maxLength: 4000,
                        nullable: true
                    ),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    expires_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.caller, x.key });
                }
            );

            migrationBuilder.CreateTable(
                name: "settlement_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    split_id = table.Column<Guid>(type: "uuid", nullable: false),
                    debtor_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payee_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    amount_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    recorded_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
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
                    table.PrimaryKey("pk_settlement_activities", x => new { x.group_id, x.id });
                    table.CheckConstraint(
                        "ck_settlement_activities_amount_positive",
                        "amount_minor_units > 0"
                    );
                    table.CheckConstraint(
                        "ck_settlement_activities_one_recorder",
                        "(recorded_by_user_id IS NULL) <> (recorded_by_client_id IS NULL)"
                    );
                    table.CheckConstraint(
                        "ck_settlement_activities_void_complete",
                        "(voided_at IS NULL) = (void_reason IS NULL)"
                    );
                    table.ForeignKey(
                        name: "fk_settlement_activities_expense_splits_group_id_split_id",
                        columns: x => new { x.group_id, x.split_id },
                        principalTable: "expense_splits",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_settlement_activities_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "settlements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    amount_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    note = table.Column<string>(
                        type: "character varying(500)",
                        maxLength: 500,
                        nullable: true
                    ),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    recorded_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    decided_at = table.Column<DateTimeOffset>(
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
                    table.PrimaryKey("pk_settlements", x => new { x.group_id, x.id });
                    table.CheckConstraint(
                        "ck_settlements_amount_positive",
                        "amount_minor_units > 0"
                    );
                    table.CheckConstraint(
                        "ck_settlements_one_recorder",
                        "(recorded_by_user_id IS NULL) <> (recorded_by_client_id IS NULL)"
                    );
                    table.CheckConstraint(
                        "ck_settlements_two_members",
                        "from_user_id <> to_user_id"
                    );
                    table.CheckConstraint(
                        "ck_settlements_void_complete",
                        "(voided_at IS NULL) = (void_reason IS NULL)"
                    );
                    table.ForeignKey(
                        name: "fk_settlements_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_expires_at",
                table: "idempotency_keys",
                column: "expires_at"
            );

            migrationBuilder.CreateIndex(
                name: "ix_settlement_activities_debtor_user_id",
                table: "settlement_activities",
                column: "debtor_user_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_settlement_activities_group_id_expense_id_id",
                table: "settlement_activities",
                columns: new[] { "group_id", "expense_id", "id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_settlement_activities_group_id_split_id",
                table: "settlement_activities",
                columns: new[] { "group_id", "split_id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_settlement_activities_payee_user_id",
                table: "settlement_activities",
                column: "payee_user_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_settlements_from_user_id",
                table: "settlements",
                column: "from_user_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_settlements_to_user_id",
                table: "settlements",
                column: "to_user_id"
            );
            SettlementUserForeignKeys.Add(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SettlementUserForeignKeys.Drop(migrationBuilder);
            migrationBuilder.DropTable(name: "idempotency_keys");

            migrationBuilder.DropTable(name: "settlement_activities");

            migrationBuilder.DropTable(name: "settlements");
        }
    }
}
